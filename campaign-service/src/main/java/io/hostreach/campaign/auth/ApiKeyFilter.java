package io.hostreach.campaign.auth;

import io.hostreach.campaign.api.ErrorResponses;
import io.hostreach.campaign.ratelimit.RateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;

/**
 * Authenticates public API requests ({@code X-Api-Key} or {@code Authorization: Bearer}), checks the
 * scope the resource needs, applies the per-key rate limit, and adds the rate-limit headers to the
 * answer. Resources without {@link ApiScope} are not touched.
 */
public class ApiKeyFilter {

    static final String RATE_LIMIT_PROPERTY = "hostreach.rate-limit";
    private static final String INVALID_KEY = "Invalid or missing API key";

    private final ApiKeyAuthenticator authenticator;
    private final CurrentApiKey current;
    private final RateLimiter rateLimiter;

    public ApiKeyFilter(ApiKeyAuthenticator authenticator, CurrentApiKey current, RateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.current = current;
        this.rateLimiter = rateLimiter;
    }

    // On the event loop even before a @Blocking endpoint (the CSV import): the lookup is reactive.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, nonBlocking = true)
    public Uni<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        ApiScope scope = scopeOf(resource);
        if (scope == null) {
            return Uni.createFrom().nullItem();
        }
        String presented = presentedKey(request);
        if (presented == null) {
            return Uni.createFrom().item(ErrorResponses.of(401, INVALID_KEY));
        }
        return authenticator.authenticate(presented).map(found -> {
            if (found.isEmpty()) {
                return ErrorResponses.of(401, INVALID_KEY);
            }
            CurrentApiKey.AuthenticatedKey key = found.get();
            RateLimiter.Decision decision = rateLimiter.acquire(key.keyId());
            request.setProperty(RATE_LIMIT_PROPERTY, decision);
            if (!decision.allowed()) {
                return Response.fromResponse(ErrorResponses.of(429,
                                "Rate limit of " + decision.limit() + " requests per minute exceeded; retry after "
                                        + decision.retryAfterSeconds() + " s"))
                        .header("Retry-After", decision.retryAfterSeconds()).build();
            }
            if (!scope.value().isEmpty()) {
                String required = Scopes.required(scope.value(), request.getMethod());
                if (!key.allows(required)) {
                    return ErrorResponses.of(403, "This API key does not have the required scope: " + required);
                }
            }
            current.set(key);
            return null;
        });
    }

    @ServerResponseFilter
    public void rateLimitHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(RATE_LIMIT_PROPERTY) instanceof RateLimiter.Decision decision) {
            response.getHeaders().putSingle("X-RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("X-RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("X-RateLimit-Reset", decision.resetEpochSeconds());
        }
    }

    private static ApiScope scopeOf(ResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        Method method = resource.getResourceMethod();
        ApiScope onMethod = method == null ? null : method.getAnnotation(ApiScope.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(ApiScope.class);
    }

    private static String presentedKey(ContainerRequestContext request) {
        String header = request.getHeaderString("X-Api-Key");
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }
}
