package io.hostreach.extraction.portal.metrocuadrado;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.portal.AdvertiserType;
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
 * metrocuadrado (Colombia): listings, including {@code contactPhone} and {@code whatsapp}, come from the JSON
 * endpoint the site's own search page calls, {@code GET /rest-search/search}, authorised by the static
 * {@code X-Api-Key} embedded in the site's config. The search items carry no publisher type (domain research
 * §2.3), so a listing whose advertiser the search could not settle, or that came without a phone, gets one
 * look at its detail page, whose {@code __NEXT_DATA__} names the publisher's company type and the contact.
 */
public final class MetrocuadradoAdapter implements PortalAdapter {

    public static final String DEFAULT_PUBLIC_ORIGIN = "https://www.metrocuadrado.com";
    static final String SEARCH_PATH = "/rest-search/search";

    private final String apiKey;
    private final String publicOrigin;
    private final MetrocuadradoSearchParser searchParser;
    private final MetrocuadradoDetailParser detailParser;

    /** @param apiKey the key the public site sends; it is in the site's JS config and may rotate */
    public MetrocuadradoAdapter(String apiKey) {
        this(apiKey, DEFAULT_PUBLIC_ORIGIN);
    }

    /** @param publicOrigin origin of the public site, for listing links and the Referer header */
    public MetrocuadradoAdapter(String apiKey, String publicOrigin) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("metrocuadrado needs the X-Api-Key of its public site");
        }
        this.apiKey = apiKey;
        this.publicOrigin = Objects.requireNonNull(publicOrigin, "publicOrigin").replaceAll("/+$", "");
        ObjectMapper json = new ObjectMapper();
        this.searchParser = new MetrocuadradoSearchParser(json, new MetrocuadradoListingMapper(this.publicOrigin));
        this.detailParser = new MetrocuadradoDetailParser(json);
    }

    @Override
    public String portal() {
        return MetrocuadradoListingMapper.PORTAL;
    }

    @Override
    public PortalRequest searchRequest(SearchCriteria criteria, int page) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", apiKey);
        headers.put("Accept", "application/json, text/plain, */*");
        headers.put("Accept-Language", "es-CO,es;q=0.9");
        headers.put("Referer", publicOrigin + "/");
        return new PortalRequest("GET", SEARCH_PATH, MetrocuadradoSearchQuery.build(criteria, page), headers, null);
    }

    @Override
    public SearchResultPage parseSearchPage(PortalResponse response) {
        return searchParser.parse(response);
    }

    /**
     * The detail page is worth a request when the search left the advertiser unknown (only the detail can prove
     * a private owner; without it the listing would count as professional) or gave no phone. A listing the
     * search already proved professional and that has its phone needs nothing more.
     */
    @Override
    public Optional<PortalRequest> contactRequest(Listing listing) {
        boolean settled = listing.advertiserType() == AdvertiserType.PROFESSIONAL
                || listing.advertiserType() == AdvertiserType.PRIVATE;
        if ((settled && listing.phone() != null) || listing.url() == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("Accept-Language", "es-CO,es;q=0.9");
        String path = URI.create(listing.url()).getRawPath();
        return Optional.of(new PortalRequest("GET", path, Map.of(), headers, null));
    }

    @Override
    public Listing parseContact(Listing listing, PortalResponse response) {
        return detailParser.complete(listing, response);
    }
}
