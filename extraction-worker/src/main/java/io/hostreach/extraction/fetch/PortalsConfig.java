package io.hostreach.extraction.fetch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hostreach.portals.<portal>.*}: where each portal is fetched from and how politely. A portal without
 * an entry uses the defaults below and its public origin.
 */
@ConfigMapping(prefix = "hostreach.portals")
public interface PortalsConfig {

    @WithParentName
    Map<String, Portal> portals();

    interface Portal {

        /** The origin requests go to (tests and the benchmark point it at a local server). */
        Optional<String> baseUrl();

        /** idealista only: the origin of each further site by country code ({@code it}, {@code pt}); es is base-url. */
        Map<String, String> sites();

        /** The pause between two requests to the portal (one request at a time per portal and replica). */
        @WithDefault("4s")
        Duration delay();

        /** Up to this much is added to or taken from each pause, so the rhythm does not look machine-made. */
        @WithDefault("1500ms")
        Duration jitter();

        /** Further attempts after a 429, a 5xx, a timeout or a connection error. */
        @WithDefault("3")
        int maxRetries();

        /** The first retry waits about this long; each next one twice as long (with jitter). */
        @WithDefault("2s")
        Duration retryBackoff();

        @WithDefault("60s")
        Duration retryBackoffMax();

        /** One request, headers and body. */
        @WithDefault("30s")
        Duration timeout();

        /** metrocuadrado: the X-Api-Key its public site sends (from its JS config; it may rotate). */
        Optional<String> apiKey();
    }
}
