package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchCriteria;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the idealista website requests: the search page
 * ({@code /venta-viviendas/valencia-valencia/con-…/pagina-2.htm?ordenado-por=fecha-publicacion-desc}) and
 * the contact-info AJAX call ({@code /es/ajax/listingController/adContactInfoForDetail.ajax?adId=…}).
 * Paths are relative to the site's origin, see {@link IdealistaSite#forRequestPath(String)}.
 */
final class IdealistaRequestBuilder {

    static final String CONTACT_PATH = "/ajax/listingController/adContactInfoForDetail.ajax";

    private IdealistaRequestBuilder() {
    }

    static PortalRequest search(SearchCriteria criteria, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages are 1-based, was " + page);
        }
        IdealistaSite site = IdealistaSite.fromLocationId(criteria.locationId());
        String operationWord = site.operationWord(criteria.operation());
        if ("rooms".equals(criteria.propertyType()) && !"rent".equals(criteria.operation())) {
            throw new IllegalArgumentException("idealista lists rooms for rent only");
        }
        String typeWord = site.typeWord(criteria.propertyType()).orElseThrow(() -> new IllegalArgumentException(
                "idealista " + site.countryCode() + " has no search for property type " + criteria.propertyType()));

        StringBuilder path = new StringBuilder("/").append(operationWord).append('-').append(typeWord)
                .append('/').append(IdealistaLocationSlug.of(criteria)).append('/');
        String filters = IdealistaFilterSegment.build(site, criteria);
        if (!filters.isEmpty()) {
            path.append(filters).append('/');
        }
        if (page > 1) {
            path.append(site.pageSegment(page));
        }

        Map<String, String> query = new LinkedHashMap<>();
        // Without the explicit sort the site orders by relevance, and incremental crawling needs newest first.
        query.put(site.sortParameter(), site.newestFirst());

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("Accept-Language", site.language() + "-" + site.countryCode() + "," + site.language() + ";q=0.9");
        return new PortalRequest("GET", path.toString(), query, headers, null);
    }

    /** Empty when the listing's phone is already known or the listing cannot be addressed. */
    static Optional<PortalRequest> contact(Listing listing) {
        if (listing.phone() != null || listing.phoneRaw() != null || listing.listingId() == null) {
            return Optional.empty();
        }
        Optional<IdealistaSite> site = IdealistaSite.fromListingUrl(listing.url());
        if (site.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("adId", listing.listingId());
        Map<String, String> headers = new LinkedHashMap<>();
        // The endpoint answers XHR calls made from the listing page; it expects the same headers.
        headers.put("Accept", "application/json, text/javascript, */*; q=0.01");
        headers.put("X-Requested-With", "XMLHttpRequest");
        headers.put("Referer", listing.url());
        return Optional.of(new PortalRequest("GET", "/" + site.get().language() + CONTACT_PATH, query, headers, null));
    }
}
