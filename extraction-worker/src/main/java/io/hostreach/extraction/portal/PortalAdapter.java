package io.hostreach.extraction.portal;

import java.util.Optional;

/**
 * One property portal: how to ask it for a page of search results, how to read that page, and how to
 * reveal a listing's phone when the results page does not carry it. Adapters are pure: they build
 * requests and parse responses; fetching (politeness, retries, routing) is done elsewhere.
 */
public interface PortalAdapter {

    /** The platform name of the public API: idealista, fotocasa, metrocuadrado, inmuebles24, zonaprop. */
    String portal();

    /** The request for one page (1-based) of search results, newest first. */
    PortalRequest searchRequest(SearchCriteria criteria, int page);

    /**
     * Reads one page of search results.
     *
     * @throws PortalBlockedException       on a block, captcha or anti-bot page
     * @throws PortalLayoutChangedException when the page is not in the structure this adapter knows
     */
    SearchResultPage parseSearchPage(PortalResponse response);

    /** The request that reveals the listing's phone, or empty when the listing already has it (or cannot have it). */
    Optional<PortalRequest> contactRequest(Listing listing);

    /** The listing completed with what the contact (or detail) payload says: phone, advertiser. */
    Listing parseContact(Listing listing, PortalResponse response);
}
