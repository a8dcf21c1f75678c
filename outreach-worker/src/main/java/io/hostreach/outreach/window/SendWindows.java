package io.hostreach.outreach.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The first moment every rule allows at once: each rule pushes the candidate forward until none objects. */
public final class SendWindows {

    private static final Duration HORIZON = Duration.ofDays(370);
    private static final int MAX_ROUNDS = 500;

    private SendWindows() {
    }

    /** Empty when the rules never agree within a year (e.g. a schedule only on days the law forbids). */
    public static Optional<Instant> nextAllowed(Instant from, List<? extends WindowRule> rules) {
        Instant limit = from.plus(HORIZON);
        Instant t = from;
        for (int round = 0; round < MAX_ROUNDS && !t.isAfter(limit); round++) {
            Instant latest = t;
            for (WindowRule rule : rules) {
                Instant open = rule.nextOpen(t);
                if (open == null) {
                    return Optional.empty();
                }
                if (open.isAfter(latest)) {
                    latest = open;
                }
            }
            if (latest.equals(t)) {
                return Optional.of(t);
            }
            t = latest;
        }
        return Optional.empty();
    }
}
