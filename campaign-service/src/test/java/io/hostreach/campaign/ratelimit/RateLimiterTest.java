package io.hostreach.campaign.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:10Z"));
    private final RateLimiter limiter = new RateLimiter(3, clock);

    @Test
    void allowsTheLimitPerMinuteThenRefusesWithRetryAfterUntilTheNextWindow() {
        UUID key = UUID.randomUUID();
        assertEquals(2, limiter.acquire(key).remaining());
        assertEquals(1, limiter.acquire(key).remaining());
        assertEquals(0, limiter.acquire(key).remaining());
        RateLimiter.Decision refused = limiter.acquire(key);
        assertFalse(refused.allowed());
        assertEquals(50, refused.retryAfterSeconds());
        assertEquals(Instant.parse("2026-11-28T10:01:00Z").getEpochSecond(), refused.resetEpochSeconds());

        clock.now = Instant.parse("2026-11-28T10:01:00Z");
        assertTrue(limiter.acquire(key).allowed());
    }

    @Test
    void keysHaveTheirOwnWindows() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            limiter.acquire(a);
        }
        assertFalse(limiter.acquire(a).allowed());
        assertTrue(limiter.acquire(b).allowed());
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
