package io.hostreach.extraction.fetch;

import io.hostreach.extraction.portal.idealista.IdealistaAdapter;
import io.hostreach.extraction.portal.idealista.IdealistaSite;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Map;

/**
 * The origin (scheme, host, port) each portal request goes to: the configured {@code base-url}, else the
 * portal's public origin. idealista has one per site, chosen by the request path.
 */
@ApplicationScoped
public class PortalOrigins {

    /** Public origins, used when nothing is configured. */
    static final Map<String, String> PUBLIC = Map.of(
            "idealista", "https://www.idealista.com",
            "fotocasa", "https://web.gw.fotocasa.es",
            "metrocuadrado", "https://www.metrocuadrado.com",
            "inmuebles24", "https://www.inmuebles24.com",
            "zonaprop", "https://www.zonaprop.com.ar");

    private final PortalsConfig config;

    public PortalOrigins(PortalsConfig config) {
        this.config = config;
    }

    /** The public origin of a portal, or null for a platform that is not a portal. */
    public static String publicOrigin(String portal) {
        return portal == null ? null : PUBLIC.get(portal);
    }

    public String originFor(String portal, String path) {
        PortalsConfig.Portal portalConfig = config.portals().get(portal);
        if (IdealistaAdapter.PORTAL.equals(portal)) {
            IdealistaSite site = IdealistaSite.forRequestPath(path).orElse(IdealistaSite.SPAIN);
            if (site != IdealistaSite.SPAIN) {
                String configured = portalConfig == null ? null
                        : portalConfig.sites().get(site.countryCode().toLowerCase(Locale.ROOT));
                return trim(configured != null ? configured : site.baseUrl());
            }
        }
        String configured = portalConfig == null ? null : portalConfig.baseUrl().orElse(null);
        if (configured != null) {
            return trim(configured);
        }
        String known = PUBLIC.get(portal);
        if (known == null) {
            throw new IllegalArgumentException("no base URL for portal " + portal);
        }
        return known;
    }

    /** The absolute portal URL of a request: origin, path and query. */
    public String urlOf(String portal, String path, Map<String, String> query) {
        return originFor(portal, path) + path + QueryStrings.of(query);
    }

    private static String trim(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
