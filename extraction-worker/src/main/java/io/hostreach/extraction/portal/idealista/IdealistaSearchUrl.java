package io.hostreach.extraction.portal.idealista;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a search page's URL says: site, operation, property type and page number. Search pages do not
 * repeat these in their markup, so the parser reads them back from the URL it fetched (any prefix, e.g. a
 * sandbox base path, is skipped until the {@code venta-viviendas}-like segment).
 */
record IdealistaSearchUrl(IdealistaSite site, String operation, String propertyType, Integer page) {

    private static final Pattern PAGE = Pattern.compile("^(?:pagina|lista)-(\\d+)(?:\\.htm)?$");
    private static final Pattern FLATS = Pattern.compile("(^|,)(pisos|appartamenti|apartamentos)(,|$)");
    private static final Pattern HOUSES = Pattern.compile("(^|,)(chalets|moradias)(,|$)");

    static Optional<IdealistaSearchUrl> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String path;
        try {
            path = URI.create(url.trim()).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            for (IdealistaSite site : IdealistaSite.values()) {
                Optional<String> operation = site.operationOf(segments[i]);
                if (operation.isPresent()) {
                    String type = site.propertyTypeOf(segments[i]).orElse(null);
                    Integer page = 1;
                    for (int j = i + 1; j < segments.length; j++) {
                        Matcher pageMatch = PAGE.matcher(segments[j]);
                        if (pageMatch.matches()) {
                            page = Integer.valueOf(pageMatch.group(1));
                        } else if (segments[j].startsWith(site.filterPrefix()) && "homes".equals(type)) {
                            type = refineHomes(segments[j].substring(site.filterPrefix().length()));
                        }
                    }
                    return Optional.of(new IdealistaSearchUrl(site, operation.get(), type, page));
                }
            }
        }
        return Optional.empty();
    }

    /** A homes search narrowed to flats or houses by its filter segment reports that narrower type. */
    private static String refineHomes(String filters) {
        if (FLATS.matcher(filters).find()) {
            return "flats";
        }
        if (HOUSES.matcher(filters).find()) {
            return "houses";
        }
        return "homes";
    }
}
