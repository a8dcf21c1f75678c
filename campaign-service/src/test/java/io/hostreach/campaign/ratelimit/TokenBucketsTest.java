package io.hostreach.campaign.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:59Z"));
    private final TokenBuckets buckets = new TokenBuckets(3, clock);

    @Test
    void allowsTheCapacityThenRefillsOneRequestEveryMinuteOverCapacity() {
        assertTrue(buckets.acquire("10.0.0.1").allowed());
        assertTrue(buckets.acquire("10.0.0.1").allowed());
        assertTrue(buckets.acquire("10.0.0.1").allowed());
        TokenBuckets.Decision refused = buckets.acquire("10.0.0.1");
        assertFalse(refused.allowed());
        assertEquals(20, refused.retryAfterSeconds());
        assertTrue(buckets.acquire("10.0.0.2").allowed(), "each key has its own bucket");

        // No window edge: a second later (a new minute) the bucket is still empty, unlike a fixed window.
        clock.now = Instant.parse("2026-11-28T10:01:00Z");
        assertFalse(buckets.acquire("10.0.0.1").allowed());
        clock.now = Instant.parse("2026-11-28T10:01:20Z");
        assertTrue(buckets.acquire("10.0.0.1").allowed());
        assertFalse(buckets.acquire("10.0.0.1").allowed());
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
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
