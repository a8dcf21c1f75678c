package io.hostreach.campaign.widget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins as browsers send them in the {@code Origin} header: {@code scheme://host[:port]}, lower case,
 * without the default port, path, query or credentials. Allowed origins are stored in this form, so a
 * comparison is plain string equality.
 */
public final class WidgetOrigins {

    public static final int MAX_ORIGINS = 20;

    private WidgetOrigins() {
    }

    /** The canonical origin, or empty when the value is not an http(s) origin. */
    public static Optional<String> canonical(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 255) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath()))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
