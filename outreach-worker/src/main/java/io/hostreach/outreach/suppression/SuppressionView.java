package io.hostreach.outreach.suppression;

import java.time.Instant;

/** One entry of the list as the internal API shows it. */
public record SuppressionView(String phone, String reason, String source, String environment, Instant createdAt) {

    static SuppressionView of(Suppression s) {
        return new SuppressionView(s.key.phone(), s.reason, s.source, s.key.environment(), s.createdAt);
    }
}
