package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalAdapter;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchCriteria;
import io.hostreach.extraction.portal.SearchResultPage;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Navent portal (inmuebles24, zonaprop): search result pages are server-rendered HTML cards; each listing's
 * WhatsApp number and publisher live in the {@code avisoInfo} script of its detail page, so every listing
 * needs one detail request. See {@link Inmuebles24} and {@link Zonaprop} for the two configurations.
 */
public final class NaventAdapter implements PortalAdapter {

    private final NaventSite site;
    private final NaventSearchPageParser searchPages;
    private final NaventDetailParser detailPages;

    public NaventAdapter(NaventSite site) {
        this.site = Objects.requireNonNull(site, "site");
        this.searchPages = new NaventSearchPageParser(site);
        this.detailPages = new NaventDetailParser(site);
    }

    @Override
    public String portal() {
        return site.portal();
    }

    @Override
    public PortalRequest searchRequest(SearchCriteria criteria, int page) {
        return htmlGet(site.searchPath().build(criteria, page));
    }

    @Override
    public SearchResultPage parseSearchPage(PortalResponse response) {
        return searchPages.parse(response);
    }

    /** Cards never show the phone, so every listing without one gets its detail page fetched. */
    @Override
    public Optional<PortalRequest> contactRequest(Listing listing) {
        if (listing.phone() != null || listing.url() == null) {
            return Optional.empty();
        }
        return Optional.of(htmlGet(pathOf(listing.url())));
    }

    @Override
    public Listing parseContact(Listing listing, PortalResponse response) {
        return detailPages.complete(listing, response);
    }

    private PortalRequest htmlGet(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("Accept-Language", site.acceptLanguage());
        return new PortalRequest("GET", path, Map.of(), headers, null);
    }

    /** Listing URLs are absolute public links; requests go relative to the configured base URL. */
    private static String pathOf(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? url : path;
    }
}
