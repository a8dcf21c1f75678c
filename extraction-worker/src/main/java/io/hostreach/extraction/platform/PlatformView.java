package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;

import java.util.List;

/** One portal in {@code GET /internal/v1/platforms}. */
public record PlatformView(String platform, String name, List<String> countries, String currency, List<String> currencies,
                           boolean liveLocationSearch) {

    static PlatformView of(Portal platform, boolean liveLocationSearch) {
        return new PlatformView(platform.id(), platform.displayName(), platform.countries(), platform.currency(),
                platform.currencies(), liveLocationSearch);
    }
}
