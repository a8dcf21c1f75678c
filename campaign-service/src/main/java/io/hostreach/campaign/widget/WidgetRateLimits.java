package io.hostreach.campaign.widget;

import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.ratelimit.TokenBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;

/**
 * The intake is open to the internet without an API key: submissions are limited per client address (one
 * visitor or robot) and per widget key (one site, however many addresses a robot uses). Per replica.
 */
@ApplicationScoped
public class WidgetRateLimits {

    private final TokenBuckets perIp;
    private final TokenBuckets perKey;

    @Inject
    public WidgetRateLimits(@ConfigProperty(name = "hostreach.widget.rate-limit.per-ip-per-minute", defaultValue = "10") int perIp,
                            @ConfigProperty(name = "hostreach.widget.rate-limit.per-key-per-minute", defaultValue = "120") int perKey) {
        this.perIp = new TokenBuckets(perIp, Clock.systemUTC());
        this.perKey = new TokenBuckets(perKey, Clock.systemUTC());
    }

    /** Throws a 429 (with Retry-After) when the address or the key has used its budget. */
    public void acquire(String ip, String widgetKey) {
        TokenBuckets.Decision byIp = perIp.acquire(ip);
        if (!byIp.allowed()) {
            throw tooMany("Too many widget submissions from this address (limit " + byIp.limit()
                    + " per minute); retry after " + byIp.retryAfterSeconds() + " s", byIp);
        }
        TokenBuckets.Decision byKey = perKey.acquire(widgetKey);
        if (!byKey.allowed()) {
            throw tooMany("Too many submissions for this widget (limit " + byKey.limit()
                    + " per minute); retry after " + byKey.retryAfterSeconds() + " s", byKey);
        }
    }

    private static ApiException tooMany(String message, TokenBuckets.Decision decision) {
        return new ApiException(429, message, List.of(), decision.retryAfterSeconds());
    }
}
