package io.hostreach.campaign.admin;

import io.hostreach.campaign.api.ErrorResponses;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Guards the admin API with the operator token; without a configured token the admin API is closed. */
public class AdminTokenFilter {

    private final Optional<String> adminToken;

    public AdminTokenFilter(@ConfigProperty(name = "hostreach.admin.token") Optional<String> adminToken) {
        this.adminToken = adminToken.filter(t -> !t.isBlank());
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, nonBlocking = true)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(AdminApi.class)) {
            return null;
        }
        if (adminToken.isEmpty()) {
            return ErrorResponses.of(403, "The admin API is closed: no operator token is configured (HOSTREACH_ADMIN_TOKEN)");
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : "";
        boolean valid = MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                adminToken.get().getBytes(StandardCharsets.UTF_8));
        return valid ? null : ErrorResponses.of(401, "Invalid or missing operator token");
    }
}
