package io.hostreach.extraction.fetch;

import java.time.Instant;
import java.util.UUID;

/**
 * A workspace's fetch route as the internal endpoint shows it: never the API key, only whether one is set.
 * {@code source} is {@code workspace} for its own route and {@code global} for the configured default.
 */
public record FetchRouteView(UUID workspaceId, String mode, String urlTemplate, String apiKeyHeader, boolean apiKeySet,
                             String source, Instant updatedAt) {
}
