package io.hostreach.extraction.fetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * How a portal request leaves the machine: straight to the portal, or through an HTTP scraping/unblocker
 * provider that fetches the portal URL for us ({@code https://api.provider.example/?url={url}} plus an
 * API-key header). The key never appears in {@link #toString()}.
 */
public record FetchRoute(Mode mode, String urlTemplate, String apiKeyHeader, String apiKey) {

    public static final String URL_PLACEHOLDER = "{url}";

    public enum Mode {
        DIRECT, PROVIDER;

        public String apiValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode of(String value) {
            if (value == null) {
                throw new IllegalArgumentException("mode is required: direct or provider");
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "direct" -> DIRECT;
                case "provider" -> PROVIDER;
                default -> throw new IllegalArgumentException("mode must be direct or provider, was " + value);
            };
        }
    }

    public FetchRoute {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.PROVIDER) {
            if (urlTemplate == null || !urlTemplate.contains(URL_PLACEHOLDER)) {
                throw new IllegalArgumentException("urlTemplate must contain the " + URL_PLACEHOLDER + " placeholder");
            }
            if (!urlTemplate.startsWith("http://") && !urlTemplate.startsWith("https://")) {
                throw new IllegalArgumentException("urlTemplate must be an http or https URL");
            }
        }
    }

    public static FetchRoute direct() {
        return new FetchRoute(Mode.DIRECT, null, null, null);
    }

    /** The URL to call for this portal URL: the URL itself, or the provider's with the URL encoded into it. */
    public String requestUrl(String portalUrl) {
        if (mode == Mode.DIRECT) {
            return portalUrl;
        }
        return urlTemplate.replace(URL_PLACEHOLDER, URLEncoder.encode(portalUrl, StandardCharsets.UTF_8));
    }

    public boolean sendsApiKey() {
        return mode == Mode.PROVIDER && apiKey != null && !apiKey.isEmpty() && apiKeyHeader != null;
    }

    @Override
    public String toString() {
        return mode == Mode.DIRECT ? "direct" : "provider " + urlTemplate + (sendsApiKey() ? " (" + apiKeyHeader + ": ***)" : "");
    }
}
