package io.hostreach.extraction.fetch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and jitter for what is worth another try: 429 (honouring a
 * Retry-After in seconds, within the cap), 5xx, timeouts and connection errors. Anything else is the
 * portal's real answer and goes to the adapter (which tells blocks and layout changes apart).
 */
record RetryPolicy(int maxRetries, Duration backoff, Duration maxBackoff) {

    static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504 || status == 500;
    }

    boolean mayRetry(int retriesSoFar) {
        return retriesSoFar < maxRetries;
    }

    /** The wait before retry number {@code retry} (0-based): base × 2^retry, ±50 % jitter, never above the cap. */
    Duration waitBefore(int retry, String retryAfter) {
        long cap = maxBackoff.toMillis();
        Long fromHeader = retryAfterMillis(retryAfter);
        if (fromHeader != null) {
            return Duration.ofMillis(Math.min(fromHeader, cap));
        }
        long base = backoff.toMillis();
        if (base <= 0) {
            return Duration.ZERO;
        }
        long exponential = Math.min(cap, base * (1L << Math.min(retry, 20)));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        return Duration.ofMillis(Math.min(cap, jittered));
    }

    private static Long retryAfterMillis(String value) {
        if (value == null || !value.trim().matches("\\d{1,6}")) {
            return null; // an HTTP date is rare from portals; the exponential backoff covers it
        }
        return Long.parseLong(value.trim()) * 1000;
    }
}
