package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalAdapter;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchCriteria;
import io.hostreach.extraction.portal.SearchResultPage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * idealista (idealista.com, .it, .pt) through its website: HTML search pages, newest first, and the
 * contact-info AJAX call that tells private from professional and reveals the phone. The site follows
 * the location id; request paths are relative to that site's origin ({@link IdealistaSite#forRequestPath}).
 */
@ApplicationScoped
public class IdealistaAdapter implements PortalAdapter {

    public static final String PORTAL = "idealista";

    @Override
    public String portal() {
        return PORTAL;
    }

    @Override
    public PortalRequest searchRequest(SearchCriteria criteria, int page) {
        return IdealistaRequestBuilder.search(criteria, page);
    }

    @Override
    public SearchResultPage parseSearchPage(PortalResponse response) {
        return IdealistaSearchPageParser.parse(response);
    }

    @Override
    public Optional<PortalRequest> contactRequest(Listing listing) {
        return IdealistaRequestBuilder.contact(listing);
    }

    @Override
    public Listing parseContact(Listing listing, PortalResponse response) {
        return IdealistaContactParser.parse(listing, response);
    }
}
