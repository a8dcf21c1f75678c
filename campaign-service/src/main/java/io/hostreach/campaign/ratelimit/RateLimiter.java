package io.hostreach.campaign.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key fixed one-minute windows, held in memory. With N replicas behind a balancer a key can get up to
 * N times the limit; the limit protects each replica, and the README says so.
 */
@ApplicationScoped
public class RateLimiter {

    private final int limitPerMinute;
    private final Clock clock;
    private final Map<UUID, Window> windows = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(@ConfigProperty(name = "hostreach.rate-limit.requests-per-minute", defaultValue = "600")
                       int limitPerMinute) {
        this(limitPerMinute, Clock.systemUTC());
    }

    RateLimiter(int limitPerMinute, Clock clock) {
        this.limitPerMinute = limitPerMinute;
        this.clock = clock;
    }

    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    public Decision acquire(UUID key) {
        long nowMillis = clock.millis();
        long windowStart = nowMillis - nowMillis % 60_000;
        Window window = windows.compute(key, (k, w) -> w == null || w.start != windowStart ? new Window(windowStart, 1)
                : new Window(windowStart, w.count + 1));
        long reset = (windowStart + 60_000) / 1000;
        if (window.count > limitPerMinute) {
            long retryAfter = Math.max(1, reset - nowMillis / 1000);
            return new Decision(false, limitPerMinute, 0, reset, retryAfter);
        }
        return new Decision(true, limitPerMinute, limitPerMinute - window.count, reset, 0);
    }

    private record Window(long start, int count) {
    }
}
