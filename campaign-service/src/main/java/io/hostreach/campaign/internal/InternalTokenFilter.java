package io.hostreach.campaign.internal;

import io.hostreach.campaign.api.ErrorResponses;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Only our own services, holding the shared internal token, read credentials; without a token the API is closed. */
public class InternalTokenFilter {

    private final Optional<String> token;

    public InternalTokenFilter(@ConfigProperty(name = "hostreach.internal.token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, nonBlocking = true)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(InternalApi.class)) {
            return null;
        }
        if (token.isEmpty()) {
            return ErrorResponses.of(403, "The internal API is closed: no internal token is configured (HOSTREACH_INTERNAL_TOKEN)");
        }
        String presented = request.getHeaderString("X-Internal-Token");
        boolean valid = presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
        return valid ? null : ErrorResponses.of(401, "Invalid or missing internal token");
    }
}
