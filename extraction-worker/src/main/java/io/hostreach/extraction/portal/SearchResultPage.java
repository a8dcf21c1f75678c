package io.hostreach.extraction.portal;

import java.util.List;

/** One page of search results in the portal's order (newest first), and whether more pages follow. */
public record SearchResultPage(int page, List<Listing> listings, boolean lastPage, Integer totalResults) {
}
