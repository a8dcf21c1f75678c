package io.hostreach.outreach.limit;

import java.time.Duration;

/**
 * Holds one sender to {@code perSecond} messages per second: a token bucket refilled continuously (so the
 * average is exact and a late timer loses nothing it can make up), plus a sliding-window guard over the
 * last {@code perSecond} grants, so that no window of one second (plus a small margin for jitter between
 * us and Meta) ever holds more than {@code perSecond} of them, whatever the bucket allows. A grant that
 * went out late is counted from when it went ({@link #sentAt}).
 * <p>
 * Time is passed in (nanoseconds on any monotonic clock), so it is tested without waiting. Thread-safe.
 */
public final class ThroughputLimiter {

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private final double capacity;
    private final long intervalNanos;
    private final long windowNanos;
    private final long[] recent;      // the last perSecond grant times, a ring
    private int oldest;
    private long granted;
    private double tokens = 1;        // one at once: the first grant is immediate, then the pace holds
    private long refilledAt;
    private boolean started;

    /**
     * @param perSecond    the most messages in any one-second window, and the average rate
     * @param burst        bucket capacity: how much lateness of the caller is made up (at least 1)
     * @param windowMargin added to the one-second window, so jitter after the grant cannot crowd a window
     */
    public ThroughputLimiter(int perSecond, int burst, Duration windowMargin) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        this.perSecond = perSecond;
        this.capacity = Math.max(1, burst);
        this.intervalNanos = SECOND / perSecond;
        this.windowNanos = SECOND + windowMargin.toNanos();
        this.recent = new long[perSecond];
    }

    /**
     * Takes a permit at {@code now} if one is free.
     *
     * @return 0 when granted (and recorded at {@code now}); otherwise how many nanoseconds to wait before
     * asking again
     */
    public synchronized long tryAcquire(long now) {
        refill(now);
        long wait = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * intervalNanos);
        if (granted >= perSecond) {
            wait = Math.max(wait, recent[oldest] + windowNanos - now);
        }
        if (wait > 0) {
            return wait;
        }
        tokens -= 1;
        recent[oldest] = now;
        oldest = (oldest + 1) % perSecond;
        granted++;
        return 0;
    }

    /** How many permits were granted so far: the last grant's ticket is {@code granted() - 1}. */
    public synchronized long granted() {
        return granted;
    }

    /**
     * Grant number {@code ticket} actually went out at {@code at}, later than it was granted (a busy CPU, a
     * GC pause between the grant and the send): the window guard counts it from then, so no second of
     * actual sends holds more than {@code perSecond}. Tickets older than the window are ignored.
     */
    public synchronized void sentAt(long ticket, long at) {
        if (ticket < 0 || ticket >= granted || granted - ticket > perSecond) {
            return;
        }
        int slot = (int) (ticket % perSecond);
        if (at > recent[slot]) {
            recent[slot] = at;
        }
    }

    public int perSecond() {
        return perSecond;
    }

    private void refill(long now) {
        if (!started) {
            started = true;
            refilledAt = now;
            return;
        }
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + (double) elapsed / intervalNanos);
            refilledAt = now;
        }
    }
}
