package io.hostreach.outreach.suppression;

import java.util.List;

/**
 * {@code POST …/suppressions/check}: which of these numbers (E.164, as campaign-service normalised them for
 * a CSV import) are on the list. The answer lists only those, each as it was asked.
 */
public final class SuppressionCheck {

    /** At most this many numbers per request: campaign-service sends an import in chunks. */
    public static final int MAX_PHONES = 10_000;

    private SuppressionCheck() {
    }

    public record Request(List<String> phones) {
    }

    public record Response(List<String> suppressed) {
    }
}
