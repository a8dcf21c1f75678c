package io.hostreach.extraction.fetch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** {@code hostreach.fetch.*}: how portal requests leave the machine, for every portal. */
@ConfigMapping(prefix = "hostreach.fetch")
public interface FetchConfig {

    /** What the portals see: a current desktop browser. */
    @WithDefault("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")
    String userAgent();

    /** The route of every workspace without its own (see {@code PUT /internal/v1/workspaces/{id}/fetch-route}). */
    Route route();

    /**
     * Base64 of a 256-bit AES key that encrypts the provider API keys workspaces store. Without it, a workspace
     * can still choose {@code direct} but cannot store a provider key.
     */
    Optional<String> secretKey();

    interface Route {

        /** {@code direct} or {@code provider}. */
        @WithDefault("direct")
        String mode();

        /** The provider's URL with a {@code {url}} placeholder for the (encoded) portal URL. */
        Optional<String> urlTemplate();

        /** The header that carries the provider's API key. */
        @WithDefault("X-Api-Key")
        String apiKeyHeader();

        Optional<String> apiKey();
    }
}
