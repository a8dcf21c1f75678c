package io.hostreach.extraction.run;

import java.util.Locale;

/** Why a run exists, as the extraction events report it. */
public enum RunTrigger {
    /** The first run of a campaign without a schedule, queued by its start. */
    START,
    /** A slot of the campaign's schedule. */
    SCHEDULE,
    /** {@code POST /campaigns/{id}/execute} or {@code POST /extractions}. */
    EXECUTE;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
