package io.hostreach.extraction.portal.fotocasa;

import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalAdapter;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchCriteria;
import io.hostreach.extraction.portal.SearchResultPage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * fotocasa (Spain) through the web gateway's search JSON ({@code https://web.gw.fotocasa.es}), which
 * already carries the advertiser type and, unless the advertiser hid it, the phone.
 */
@ApplicationScoped
public class FotocasaAdapter implements PortalAdapter {

    public static final String PORTAL = "fotocasa";

    @Override
    public String portal() {
        return PORTAL;
    }

    @Override
    public PortalRequest searchRequest(SearchCriteria criteria, int page) {
        return FotocasaSearchRequestBuilder.build(criteria, page);
    }

    @Override
    public SearchResultPage parseSearchPage(PortalResponse response) {
        return FotocasaSearchPageParser.parse(response);
    }

    /**
     * Always empty. The search item already holds {@code advertiser.phone}; when it is missing, the number
     * sits behind fotocasa's logged-in "Ver teléfono", which this product does not automate. New-build
     * promotions have a tracking-phone endpoint, but they are never private and a {@link Listing} does not
     * carry the promotion id it needs.
     */
    @Override
    public Optional<PortalRequest> contactRequest(Listing listing) {
        return Optional.empty();
    }

    /**
     * Never asked for (see {@link #contactRequest}). A response handed in anyway is still checked for a
     * block, and otherwise leaves the listing as it was.
     */
    @Override
    public Listing parseContact(Listing listing, PortalResponse response) {
        FotocasaBlockDetector.check(response);
        return listing;
    }
}
