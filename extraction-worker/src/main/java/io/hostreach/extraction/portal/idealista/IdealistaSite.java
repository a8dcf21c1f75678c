package io.hostreach.extraction.portal.idealista;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The three idealista websites. They share one page structure but differ in host, URL words, filter
 * prefix, pagination and sort parameter; the phone region and the currency follow the site too.
 * Location ids name the site in their third segment ({@code 0-EU-ES-46}, {@code 0-EU-IT-…}).
 */
public enum IdealistaSite {

    SPAIN("ES", "es", "https://www.idealista.com", "venta", "alquiler", "con-", "/inmueble/",
            "ordenado-por", "fecha-publicacion-desc", "pagina-%d.htm",
            Map.of("homes", "viviendas", "flats", "viviendas", "houses", "viviendas", "rooms", "habitacion",
                    "offices", "oficinas", "premises", "locales", "garages", "garajes", "lands", "terrenos")),

    // idealista.it pages as /lista-N.htm and sorts with ?ordine=.
    ITALY("IT", "it", "https://www.idealista.it", "vendita", "affitto", "con-", "/immobile/",
            "ordine", "pubblicazione-desc", "lista-%d.htm",
            Map.of("homes", "case", "flats", "case", "rooms", "stanze")),

    // idealista.pt writes its filter segment with "com-" and pages without ".htm".
    PORTUGAL("PT", "pt", "https://www.idealista.pt", "comprar", "arrendar", "com-", "/imovel/",
            "ordem", "atualizado-desc", "pagina-%d",
            Map.of("homes", "casas", "flats", "casas", "houses", "casas", "rooms", "quartos"));

    private final String countryCode;
    private final String language;
    private final String baseUrl;
    private final String saleWord;
    private final String rentWord;
    private final String filterPrefix;
    private final String listingPathPrefix;
    private final String sortParameter;
    private final String newestFirst;
    private final String pageSegmentFormat;
    private final Map<String, String> typeWords;

    IdealistaSite(String countryCode, String language, String baseUrl, String saleWord, String rentWord,
                  String filterPrefix, String listingPathPrefix, String sortParameter, String newestFirst,
                  String pageSegmentFormat, Map<String, String> typeWords) {
        this.countryCode = countryCode;
        this.language = language;
        this.baseUrl = baseUrl;
        this.saleWord = saleWord;
        this.rentWord = rentWord;
        this.filterPrefix = filterPrefix;
        this.listingPathPrefix = listingPathPrefix;
        this.sortParameter = sortParameter;
        this.newestFirst = newestFirst;
        this.pageSegmentFormat = pageSegmentFormat;
        this.typeWords = typeWords;
    }

    /** The site of an idealista location id such as {@code 0-EU-ES-46} or {@code 0-EU-ES-VC-46-46250}. */
    public static IdealistaSite fromLocationId(String locationId) {
        if (locationId == null) {
            throw new IllegalArgumentException("idealista needs a location id such as 0-EU-ES-46");
        }
        String[] parts = locationId.trim().split("-");
        if (parts.length < 3) {
            throw new IllegalArgumentException("not an idealista location id: " + locationId);
        }
        return fromCountryCode(parts[2]).orElseThrow(() -> new IllegalArgumentException(
                "idealista serves ES, IT and PT; location id " + locationId + " names " + parts[2]));
    }

    public static Optional<IdealistaSite> fromCountryCode(String code) {
        for (IdealistaSite site : values()) {
            if (site.countryCode.equalsIgnoreCase(code)) {
                return Optional.of(site);
            }
        }
        return Optional.empty();
    }

    /**
     * The site a request path built by this adapter belongs to, so the fetcher can pick the matching
     * base URL: search paths start with the operation word ({@code /venta-…}, {@code /vendita-…},
     * {@code /comprar-…}), contact paths with the language ({@code /es/ajax/…}).
     */
    public static Optional<IdealistaSite> forRequestPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            for (IdealistaSite site : values()) {
                if (segment.equals(site.language) || site.operationOf(segment).isPresent()) {
                    return Optional.of(site);
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The site of a public listing URL ({@code https://www.idealista.it/immobile/123/}). */
    public static Optional<IdealistaSite> fromListingUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String host = hostOf(url);
        for (IdealistaSite site : values()) {
            if (host != null && host.equals(hostOf(site.baseUrl))) {
                return Optional.of(site);
            }
        }
        for (IdealistaSite site : values()) {
            if (url.contains(site.listingPathPrefix)) {
                return Optional.of(site);
            }
        }
        return Optional.empty();
    }

    /**
     * The operation ({@code sale}/{@code rent}) named by the first word of a search path segment such as
     * {@code venta-viviendas}, or empty when the segment is not a search segment of this site.
     */
    Optional<String> operationOf(String searchSegment) {
        int dash = searchSegment.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String word = searchSegment.substring(0, dash);
        String typeWord = searchSegment.substring(dash + 1);
        if (!typeWords.containsValue(typeWord)) {
            return Optional.empty();
        }
        if (word.equals(saleWord)) {
            return Optional.of("sale");
        }
        if (word.equals(rentWord)) {
            return Optional.of("rent");
        }
        return Optional.empty();
    }

    /** The common property type for the type word of a search segment ({@code viviendas} → homes). */
    Optional<String> propertyTypeOf(String searchSegment) {
        String typeWord = searchSegment.substring(searchSegment.indexOf('-') + 1);
        String generic = null;
        for (Map.Entry<String, String> entry : typeWords.entrySet()) {
            if (entry.getValue().equals(typeWord)) {
                // flats and houses share the homes word; the generic name is the right one for a path.
                if (generic == null || entry.getKey().equals("homes")) {
                    generic = entry.getKey();
                }
            }
        }
        return Optional.ofNullable(generic);
    }

    String operationWord(String operation) {
        if ("sale".equals(operation)) {
            return saleWord;
        }
        if ("rent".equals(operation)) {
            return rentWord;
        }
        throw new IllegalArgumentException("operation must be sale or rent, was " + operation);
    }

    Optional<String> typeWord(String propertyType) {
        return Optional.ofNullable(typeWords.get(propertyType == null ? "homes" : propertyType));
    }

    String pageSegment(int page) {
        return String.format(Locale.ROOT, pageSegmentFormat, page);
    }

    public String countryCode() {
        return countryCode;
    }

    public String language() {
        return language;
    }

    /** The public origin of the site; the fetcher may map it to a configured (sandbox) base URL. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The default region for libphonenumber. */
    public String phoneRegion() {
        return countryCode;
    }

    public String currency() {
        return "EUR";
    }

    String filterPrefix() {
        return filterPrefix;
    }

    String listingPathPrefix() {
        return listingPathPrefix;
    }

    String sortParameter() {
        return sortParameter;
    }

    String newestFirst() {
        return newestFirst;
    }

    String listingUrl(String listingId) {
        return baseUrl + listingPathPrefix + listingId + "/";
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
