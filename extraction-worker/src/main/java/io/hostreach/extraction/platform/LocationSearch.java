package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Location search over the bundled gazetteer, indexed once at start-up for every portal. */
@Startup
@Singleton
public class LocationSearch {

    public static final int MAX_LIMIT = 50;

    private final Map<Portal, LocationIndex> indexes = new EnumMap<>(Portal.class);

    public LocationSearch() {
        this(Gazetteer.fromClasspath());
    }

    LocationSearch(Gazetteer gazetteer) {
        for (Portal platform : Portal.values()) {
            indexes.put(platform, LocationIndex.build(platform, gazetteer));
        }
    }

    /** Up to {@code limit} places of the portal matching the query, best first; {@code country} may be null. */
    List<LocationIndex.Entry> search(Portal platform, String query, int limit, String country) {
        return indexes.get(platform).search(query, Math.min(limit, MAX_LIMIT), country);
    }

    List<LocationIndex.Entry> entries(Portal platform) {
        return indexes.get(platform).entries();
    }
}
