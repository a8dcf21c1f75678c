package io.hostreach.extraction.portal;

import java.util.Map;

/**
 * An HTTP request to a portal, relative to the portal's configured base URL (so tests and the sandbox
 * point elsewhere). {@code query} keeps insertion order.
 */
public record PortalRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                            String body) {

    public static PortalRequest get(String path, Map<String, String> query) {
        return new PortalRequest("GET", path, query, Map.of(), null);
    }
}
