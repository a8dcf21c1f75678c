package io.hostreach.campaign.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by an arbitrary key (an IP address, a widget key), held in memory: {@code capacity} requests
 * at once, refilled continuously at {@code capacity} per minute. Unlike fixed windows there is no burst of
 * twice the limit across a window edge, which matters for an endpoint anyone on the internet can call.
 * Per replica, like {@link RateLimiter}.
 */
public class TokenBuckets {

    /** Beyond this many tracked keys, idle (full) buckets are dropped so a scan of many IPs cannot grow memory. */
    private static final int PRUNE_ABOVE = 50_000;

    private final int capacity;
    private final double tokensPerMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacityPerMinute, Clock clock) {
        this.capacity = capacityPerMinute;
        this.tokensPerMilli = capacityPerMinute / 60_000.0;
        this.clock = clock;
    }

    /** Allowed, or refused with the seconds until one request fits again. */
    public record Decision(boolean allowed, int limit, long retryAfterSeconds) {
    }

    public Decision acquire(String key) {
        long now = clock.millis();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.entrySet().removeIf(e -> e.getValue().level(now) >= capacity);
        }
        Bucket bucket = buckets.compute(key, (k, b) -> {
            double level = b == null ? capacity : b.level(now);
            return level >= 1 ? new Bucket(level - 1, now, true) : new Bucket(level, now, false);
        });
        if (bucket.granted) {
            return new Decision(true, capacity, 0);
        }
        long retryAfter = (long) Math.ceil((1 - bucket.tokens) / tokensPerMilli / 1000.0);
        return new Decision(false, capacity, Math.max(1, retryAfter));
    }

    private final class Bucket {
        final double tokens;
        final long at;
        final boolean granted;

        Bucket(double tokens, long at, boolean granted) {
            this.tokens = tokens;
            this.at = at;
            this.granted = granted;
        }

        double level(long now) {
            return Math.min(capacity, tokens + (now - at) * tokensPerMilli);
        }
    }
}
