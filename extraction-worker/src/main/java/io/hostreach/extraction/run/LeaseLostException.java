package io.hostreach.extraction.run;

import java.util.UUID;

/** Another replica took the run over (this one stalled past its lease): this execution must stop, silently. */
class LeaseLostException extends RuntimeException {
    LeaseLostException(UUID extractionId) {
        super("run " + extractionId + " is no longer leased to this replica");
    }
}
