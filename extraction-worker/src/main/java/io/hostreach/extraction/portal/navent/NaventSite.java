package io.hostreach.extraction.portal.navent;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between two Navent sites: the portal name, the public origin (for listing links), the phone
 * region and time zone, the local currency, the Spanish words of its URLs, and how it builds search paths.
 *
 * @param portal         platform name in the public API (inmuebles24, zonaprop)
 * @param publicOrigin   https origin of the public site, used for the absolute listing URL shown to humans
 * @param region         libphonenumber region of the country (MX, AR)
 * @param zone           time zone of the country, for publication dates given without an offset
 * @param localCurrency  ISO code of the local currency (MXN, ARS); "$" and "MN" prices are in it
 * @param acceptLanguage Accept-Language the browser of a local visitor sends
 * @param operationSlugs the URL word per operation (sale, rent) → venta, renta|alquiler
 * @param searchPath     the site's URL grammar for search result pages
 */
public record NaventSite(String portal, String publicOrigin, String region, ZoneId zone, String localCurrency,
                         String acceptLanguage, Map<String, String> operationSlugs, NaventSearchPath searchPath) {

    public NaventSite {
        Objects.requireNonNull(portal, "portal");
        Objects.requireNonNull(publicOrigin, "publicOrigin");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(localCurrency, "localCurrency");
        Objects.requireNonNull(searchPath, "searchPath");
        operationSlugs = Map.copyOf(operationSlugs);
        if (publicOrigin.endsWith("/")) {
            publicOrigin = publicOrigin.substring(0, publicOrigin.length() - 1);
        }
    }

    /** The common operation (sale, rent) that a search path's operation word stands for, or null. */
    String operationOfPath(String path) {
        if (path == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : operationSlugs.entrySet()) {
            if (path.contains("-" + entry.getValue() + "-")) {
                return entry.getKey();
            }
        }
        return null;
    }
}
