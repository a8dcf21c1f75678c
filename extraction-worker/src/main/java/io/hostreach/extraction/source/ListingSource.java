package io.hostreach.extraction.source;

import io.hostreach.extraction.fetch.PortalFetcher;
import io.hostreach.extraction.portal.PortalAdapter;

/**
 * Where a run reads listings: an adapter (requests and parsers) and the fetcher that answers its requests.
 *
 * @param newestFirst whether the portal lists newest first, so a run may stop at the first listing an earlier
 *                    run has already seen (metrocuadrado offers no such sort: its runs crawl on)
 * @param sandbox     the in-process sandbox portal (test mode), never the network
 */
public record ListingSource(PortalAdapter adapter, PortalFetcher fetcher, boolean newestFirst, boolean sandbox) {
}
