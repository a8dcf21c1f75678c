package io.hostreach.outreach.window;

import java.time.Instant;

/** One rule on when a message may go out. */
public interface WindowRule {

    /** The earliest instant at or after {@code t} this rule allows, or null if none within a year. */
    Instant nextOpen(Instant t);
}
