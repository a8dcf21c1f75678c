package io.hostreach.outreach.limit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limiter on a simulated clock (nanoseconds passed in): a caller that asks, waits what it is told
 * plus some timer lateness, and asks again, as the gate's timers do on a busy machine.
 */
class ThroughputLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final Duration MARGIN = Duration.ofMillis(5);

    /** Grant times of {@code count} permits, asking again at once after a grant, late by up to {@code lateness} after a wait. */
    private static long[] run(ThroughputLimiter limiter, int count, long lateness, long seed) {
        Random random = new Random(seed);
        long now = 1_000 * SECOND; // any origin
        long[] grants = new long[count];
        int n = 0;
        while (n < count) {
            long wait = limiter.tryAcquire(now);
            if (wait == 0) {
                grants[n++] = now;
            } else {
                now += wait + (lateness > 0 ? (long) (random.nextDouble() * lateness) : 0);
            }
        }
        return grants;
    }

    /** The most grants in any window [t, t + window). */
    static int maxInWindow(long[] sortedTimes, long window) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sortedTimes.length; end++) {
            while (sortedTimes[end] - sortedTimes[start] >= window) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    static double rate(long[] times) {
        return (times.length - 1) * (double) SECOND / (times[times.length - 1] - times[0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 80, 250, 1000})
    void holdsTheRateWithinTwoPercentAndNeverExceedsItInAnySecond(int perSecond) {
        ThroughputLimiter limiter = new ThroughputLimiter(perSecond, ThroughputGate.autoBurst(perSecond), MARGIN);
        long[] grants = run(limiter, perSecond * 30, 8 * MS, perSecond);
        double rate = rate(grants);
        assertTrue(Math.abs(rate - perSecond) / perSecond <= 0.02, perSecond + "/s held at " + rate);
        assertTrue(maxInWindow(grants, SECOND) <= perSecond, "most in 1 s: " + maxInWindow(grants, SECOND));
        // The margin keeps even a window a little longer than a second to the rate (jitter on the way to Meta).
        assertTrue(maxInWindow(grants, SECOND + MARGIN.toNanos()) <= perSecond);
    }

    @Test
    void withAPunctualCallerThePaceIsExact() {
        ThroughputLimiter limiter = new ThroughputLimiter(80, ThroughputGate.autoBurst(80), Duration.ZERO);
        long[] grants = run(limiter, 800, 0, 1);
        for (int i = 1; i < grants.length; i++) {
            assertEquals(SECOND / 80, grants[i] - grants[i - 1], "gap " + i);
        }
    }

    @Test
    void theWaitItAnswersIsExactlyUntilTheNextPermit() {
        ThroughputLimiter limiter = new ThroughputLimiter(10, 1, Duration.ZERO);
        assertEquals(0, limiter.tryAcquire(0));
        assertEquals(100 * MS, limiter.tryAcquire(0));
        assertEquals(50 * MS, limiter.tryAcquire(50 * MS));
        assertEquals(0, limiter.tryAcquire(100 * MS));
    }

    @Test
    void afterIdlingOnlyTheBurstGoesAtOnce() {
        int burst = ThroughputGate.autoBurst(80);
        assertEquals(8, burst);
        ThroughputLimiter limiter = new ThroughputLimiter(80, burst, MARGIN);
        assertEquals(0, limiter.tryAcquire(0));
        long later = 10 * SECOND;
        for (int i = 0; i < burst; i++) {
            assertEquals(0, limiter.tryAcquire(later), "burst " + i);
        }
        long wait = limiter.tryAcquire(later);
        assertEquals(SECOND / 80, wait);
    }

    @Test
    void theWindowGuardHoldsWhateverTheBucketWouldAllow() {
        // A bucket as large as the rate: after a paced second and an idle one, it would let a second's worth
        // go at once and then one every 100 ms; the window guard makes the next wait a whole second.
        ThroughputLimiter limiter = new ThroughputLimiter(10, 10, Duration.ZERO);
        long[] paced = run(limiter, 10, 0, 1);
        long burstAt = paced[9] + SECOND + 50 * MS;
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.tryAcquire(burstAt), "grant " + i + " of the burst");
        }
        assertEquals(SECOND, limiter.tryAcquire(burstAt));
        assertEquals(SECOND - 200 * MS, limiter.tryAcquire(burstAt + 200 * MS));
        assertEquals(0, limiter.tryAcquire(burstAt + SECOND));
    }

    @Test
    void aGrantThatWentOutLateIsCountedFromWhenItWent() {
        ThroughputLimiter limiter = new ThroughputLimiter(10, 10, Duration.ZERO);
        long[] paced = run(limiter, 10, 0, 1);
        long nextAllowed = paced[0] + SECOND;
        // The first of them was held up 300 ms between its grant and its send (a GC pause, a busy CPU).
        limiter.sentAt(0, paced[0] + 300 * MS);
        assertEquals(300 * MS, limiter.tryAcquire(nextAllowed));
        assertEquals(0, limiter.tryAcquire(nextAllowed + 300 * MS));
        // Tickets out of the window, or never granted, change nothing.
        limiter.sentAt(0, nextAllowed + 10 * SECOND);
        limiter.sentAt(99, nextAllowed + 10 * SECOND);
        assertEquals(11, limiter.granted());
    }

    /** With sends now and then late by up to 60 ms after their grants, no second of actual sends exceeds the rate. */
    @Test
    void theWindowHoldsOnActualSendTimes() {
        int perSecond = 80;
        ThroughputLimiter limiter = new ThroughputLimiter(perSecond, ThroughputGate.autoBurst(perSecond), MARGIN);
        Random random = new Random(7);
        long now = 0;
        long[] sent = new long[perSecond * 20];
        int n = 0;
        while (n < sent.length) {
            long wait = limiter.tryAcquire(now);
            if (wait > 0) {
                now += wait + (long) (random.nextDouble() * 8 * MS);
                continue;
            }
            // About every two seconds a stall between the grant and the send (a GC pause); sends keep their order.
            long stall = random.nextInt(160) == 0 ? (long) (random.nextDouble() * 60 * MS) : 0;
            long at = Math.max(now + stall, n == 0 ? 0 : sent[n - 1]);
            limiter.sentAt(limiter.granted() - 1, at);
            sent[n++] = at;
            now = at;
        }
        assertTrue(maxInWindow(sent, SECOND) <= perSecond, "most in 1 s: " + maxInWindow(sent, SECOND));
        double rate = rate(sent);
        assertTrue(Math.abs(rate - perSecond) / perSecond <= 0.02, "held at " + rate);
    }

    @Test
    void aRateBelowOneIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ThroughputLimiter(0, 1, MARGIN));
    }
}
