package io.hostreach.extraction.run;

import io.hostreach.extraction.source.ListingSource;

/** What one claim attempt did. */
sealed interface ClaimOutcome {

    /** Nothing to claim now. */
    record None() implements ClaimOutcome {
    }

    /** A run was dealt with without being started (failed, or put back for a paused campaign): look again. */
    record Settled(String what) implements ClaimOutcome {
    }

    /** A run is leased to this replica and ready to execute. */
    record Go(RunState state, ListingSource source) implements ClaimOutcome {
    }
}
