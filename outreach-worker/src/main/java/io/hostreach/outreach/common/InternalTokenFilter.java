package io.hostreach.outreach.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards {@link InternalApi} endpoints with {@code X-Internal-Token} (HOSTREACH_INTERNAL_TOKEN, shared with
 * campaign-service). Without a configured token they stay closed (403). Compared in constant time.
 */
@Provider
@InternalApi
public class InternalTokenFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-Internal-Token";

    private final byte[] expected;

    // Optional: unset closes the internal API (403) instead of failing the start.
    public InternalTokenFilter(@ConfigProperty(name = "hostreach.internal-token") java.util.Optional<String> token) {
        this.expected = token.orElse("").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (expected.length == 0) {
            request.abortWith(error(403, "The internal API is closed: no internal token is configured (HOSTREACH_INTERNAL_TOKEN)"));
        } else if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(error(401, "Invalid or missing internal token"));
        }
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(status, message)).build();
    }
}
