package io.hostreach.extraction.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code hostreach.platforms.*}: live location lookups, off unless switched on (tests never call the internet). */
@ConfigMapping(prefix = "hostreach.platforms")
public interface PlatformsConfig {

    Fotocasa fotocasa();

    interface Fotocasa {

        LiveLocations liveLocations();
    }

    /** fotocasa's gateway resolves a place's URL name into its real combinedLocationIds. */
    interface LiveLocations {

        @WithDefault("false")
        boolean enabled();

        /** The web gateway's origin; a test points it at a local stub. */
        @WithDefault("https://web.gw.fotocasa.es")
        String baseUrl();

        @WithDefault("3s")
        Duration timeout();

        /** Lookups in flight at once for one search, to stay polite with the gateway. */
        @WithDefault("4")
        int concurrency();
    }
}
