package io.hostreach.extraction.run;

import io.hostreach.extraction.lead.LeadCaptured;
import io.hostreach.extraction.lead.LeadIds;
import io.hostreach.extraction.lead.ListingData;
import io.hostreach.extraction.lead.ListingScreen;
import io.hostreach.extraction.lead.ScreenVerdict;
import io.hostreach.extraction.lead.SeenBefore;
import io.hostreach.extraction.lead.SeenListings;
import io.hostreach.extraction.lead.SeenRow;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchResultPage;
import io.hostreach.extraction.source.ListingSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the result pages of a run: fetches and parses one (parsing on a worker thread), then takes its listings
 * in order: a listing an earlier run met ends the run on newest-first portals; one met before in this run or
 * already a lead of another campaign is a duplicate; the cheap checks come before any contact request; the
 * full checks after it. Stops at the first listing past the run's target. Writes nothing: the caller commits.
 */
@ApplicationScoped
public class PageReader {

    private final SeenListings seen;

    public PageReader(SeenListings seen) {
        this.seen = seen;
    }

    /** Fetches and parses result page {@code page} (parsing on a worker thread). */
    Uni<SearchResultPage> fetch(RunState state, ListingSource source, RunThreads threads, int page) {
        return Uni.createFrom().deferred(() -> {
            PortalRequest request = source.adapter().searchRequest(state.criteria, page);
            return threads.home(source.fetcher().fetch(request))
                    .chain(response -> threads.blocking(() -> source.adapter().parseSearchPage(response)));
        });
    }

    /** Takes the page's listings in order (the page's number is the one that was asked for). */
    Uni<PageWork> screen(RunState state, ListingSource source, RunThreads threads, StatusProbe probe, int number,
                         SearchResultPage page) {
        PageWork work = new PageWork(number);
        work.lastPage = page.lastPage();
        List<String> ids = page.listings().stream().map(Listing::listingId).distinct().toList();
        return Panache.withSession(() -> seen.lookup(state.campaignId, state.workspaceId, state.environment,
                        source.adapter().portal(), state.extractionId, ids))
                .chain(before -> new Pass(state, source, threads, probe, page, before, work).listing(0))
                .replaceWith(work);
    }

    /** One pass over a page's listings, in order, one at a time (contact requests are one at a time anyway). */
    private static final class Pass {

        private final RunState state;
        private final ListingSource source;
        private final RunThreads threads;
        private final StatusProbe probe;
        private final List<Listing> listings;
        private final Map<String, SeenBefore> before;
        private final PageWork work;
        private final ListingScreen screen;
        private final Set<String> onThisPage = new HashSet<>();

        Pass(RunState state, ListingSource source, RunThreads threads, StatusProbe probe, SearchResultPage page,
             Map<String, SeenBefore> before, PageWork work) {
            this.state = state;
            this.source = source;
            this.threads = threads;
            this.probe = probe;
            this.listings = page.listings();
            this.before = before;
            this.work = work;
            this.screen = new ListingScreen(state.privateOnly);
        }

        Uni<Void> listing(int index) {
            if (index >= listings.size() || work.reachedSeen || work.reachedExpected) {
                return Uni.createFrom().voidItem();
            }
            Listing listing = listings.get(index);
            work.found++;
            SeenBefore met = onThisPage.add(listing.listingId()) ? before.get(listing.listingId()) : SeenBefore.THIS_RUN;
            if (met == SeenBefore.EARLIER_RUN) {
                work.duplicates++;
                work.reachedSeen = source.newestFirst();
                return listing(index + 1);
            }
            if (met == SeenBefore.THIS_RUN) {
                work.duplicates++;
                return listing(index + 1);
            }
            if (met == SeenBefore.OTHER_CAMPAIGN) {
                work.duplicates++;
                remember(listing, null);
                return listing(index + 1);
            }
            ScreenVerdict cheap = screen.beforeContact(listing);
            if (cheap != ScreenVerdict.KEEP) {
                skip(listing, cheap);
                return listing(index + 1);
            }
            return contact(listing).chain(full -> {
                ScreenVerdict verdict = screen.afterContact(full);
                if (verdict == ScreenVerdict.KEEP) {
                    capture(full);
                } else {
                    skip(full, verdict);
                }
                return listing(index + 1);
            });
        }

        private Uni<Listing> contact(Listing listing) {
            Optional<PortalRequest> request = source.adapter().contactRequest(listing);
            if (request.isEmpty()) {
                return Uni.createFrom().item(listing);
            }
            return probe.check()
                    .chain(() -> threads.home(source.fetcher().fetch(request.get())))
                    .chain(response -> threads.parse(response.body(), () -> source.adapter().parseContact(listing, response)));
        }

        private void capture(Listing listing) {
            UUID leadId = LeadIds.of(state.workspaceId, state.environment, listing.portal(), listing.listingId());
            work.leads.add(new LeadCaptured(leadId, state.campaignId, state.workspaceId, state.environment,
                    state.extractionId, LeadCaptured.SOURCE_PORTAL, listing.advertiserType().apiValue(),
                    listing.advertiserName(), listing.phone(), null, ListingData.of(listing), Instant.now()));
            remember(listing, leadId);
            work.reachedExpected = work.leads.size() >= state.stillToCreate();
        }

        private void skip(Listing listing, ScreenVerdict verdict) {
            switch (verdict) {
                case PROFESSIONAL -> work.skippedProfessional++;
                case AGENCY_REFUSAL -> work.skippedAgencyRefusal++;
                case NO_PHONE -> work.skippedNoPhone++;
                case KEEP -> throw new IllegalArgumentException("a kept listing is not skipped");
            }
            remember(listing, null);
        }

        private void remember(Listing listing, UUID leadId) {
            work.seen.add(new SeenRow(listing.portal(), listing.listingId(), leadId));
        }
    }
}
