package io.hostreach.extraction.fetch;

/**
 * The body of {@code PUT /internal/v1/workspaces/{id}/fetch-route}. For a provider, {@code apiKey} may be left
 * out to keep the stored one (so the template can change without sending the key again).
 */
public record FetchRouteRequest(String mode, String urlTemplate, String apiKeyHeader, String apiKey) {
}
