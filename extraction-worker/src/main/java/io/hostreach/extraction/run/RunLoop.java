package io.hostreach.extraction.run;

import io.hostreach.extraction.fetch.PortalUnavailableException;
import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.SearchResultPage;
import io.hostreach.extraction.source.ListingSource;
import io.hostreach.platform.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.function.BooleanSupplier;

/**
 * Executes a leased run page by page until it has its leads, meets a listing it knows, or reaches the last
 * page. Each page commits on its own, so a run stopped between pages (pause, crash, shutdown) resumes at its
 * cursor; a page interrupted halfway is read again. Every failure ends the run FAILED with one sentence that
 * says why: a run never saves nothing silently and never stays RUNNING.
 */
@ApplicationScoped
public class RunLoop {

    private static final Logger LOG = Logger.getLogger(RunLoop.class);

    private final PageReader reader;
    private final RunStore store;
    private final OutboxRelay relay;
    private final RunnerConfig config;
    private final RunMetrics metrics;

    public RunLoop(PageReader reader, RunStore store, OutboxRelay relay, RunnerConfig config, RunMetrics metrics) {
        this.reader = reader;
        this.store = store;
        this.relay = relay;
        this.config = config;
        this.metrics = metrics;
    }

    /** Must be called on the run's own Vert.x context. */
    public Uni<Void> execute(RunState state, ListingSource source, String lease, BooleanSupplier stopping) {
        RunThreads threads = new RunThreads(Vertx.currentContext());
        StatusProbe probe = new StatusProbe(store, threads, state.campaignId, config.statusCheckInterval());
        Execution run = new Execution(state, source, lease, stopping, threads, probe);
        return Uni.createFrom().deferred(() -> run.page(state.nextPage, reader.fetch(state, source, threads, state.nextPage)))
                .onFailure().recoverWithUni(failure -> stopping.getAsBoolean()
                        ? leaveToTakeover(state, failure)
                        : threads.then(() -> stopOn(failure, state, source, lease)));
    }

    /** One execution of a run: its pages, one after the other. */
    private final class Execution {

        private final RunState state;
        private final ListingSource source;
        private final String lease;
        private final BooleanSupplier stopping;
        private final RunThreads threads;
        private final StatusProbe probe;

        Execution(RunState state, ListingSource source, String lease, BooleanSupplier stopping, RunThreads threads,
                  StatusProbe probe) {
            this.state = state;
            this.source = source;
            this.lease = lease;
            this.stopping = stopping;
            this.threads = threads;
            this.probe = probe;
        }

        /**
         * Screens page {@code number}, then commits it. While it commits, the next page is already being fetched:
         * the database round trips and the portal request overlap. That page is used only if the campaign is
         * still running after the commit; otherwise it is dropped, and the cursor still points at it. A fresh look
         * at the campaign's status first keeps that to a pause landing within the status-check interval.
         */
        Uni<Void> page(int number, Uni<SearchResultPage> fetched) {
            long start = System.nanoTime();
            return fetched.chain(page -> reader.screen(state, source, threads, probe, number, page))
                    .chain(work -> (mayGoOn(work) ? probe.running() : Uni.createFrom().item(false))
                            .chain(more -> commit(number, work, start, more)));
        }

        /** Worth fetching the next page ahead only if this page does not end the run. */
        private boolean mayGoOn(PageWork work) {
            return !work.ends() && state.pages + 1 < config.maxPages() && !stopping.getAsBoolean();
        }

        /** Commits the page; with {@code more}, fetches the next page meanwhile. */
        private Uni<Void> commit(int number, PageWork work, long start, boolean more) {
            long screened = System.nanoTime();
            Uni<String> commit = threads.home(store.commitPage(state, work, lease)).invoke(() -> {
                relay.kick();
                metrics.page(state, work);
                LOG.debugf("%s: page %d read and screened in %d ms, committed in %d ms", state, number,
                        (screened - start) / 1_000_000, (System.nanoTime() - screened) / 1_000_000);
            });
            if (!more) {
                return commit.chain(status -> after(work, status, null));
            }
            Uni<Prefetched> next = reader.fetch(state, source, threads, number + 1)
                    .map(Prefetched::page).onFailure().recoverWithItem(Prefetched::failure);
            return Uni.combine().all().unis(commit, next).asTuple()
                    .chain(both -> threads.then(() -> after(work, both.getItem1(), both.getItem2())));
        }

        private Uni<Void> after(PageWork work, String status, Prefetched next) {
            if (work.ends() || state.pages >= config.maxPages()) {
                return finish(state, lease);
            }
            if (!"running".equals(status)) {
                return stopFor(status, state, lease);
            }
            if (stopping.getAsBoolean()) {
                LOG.infof("%s: put back in the queue, this replica is stopping", state);
                metrics.ended(state, "suspended");
                return store.suspend(state.extractionId, lease);
            }
            int following = work.page() + 1;
            return page(following, next != null ? next.unwrap() : reader.fetch(state, source, threads, following));
        }
    }

    /** The next page, fetched ahead; a failure waits until the current page is committed. */
    private record Prefetched(SearchResultPage result, Throwable error) {

        static Prefetched page(SearchResultPage result) {
            return new Prefetched(result, null);
        }

        static Prefetched failure(Throwable error) {
            return new Prefetched(null, error);
        }

        Uni<SearchResultPage> unwrap() {
            return error == null ? Uni.createFrom().item(result) : Uni.createFrom().failure(error);
        }
    }

    private Uni<Void> finish(RunState state, String lease) {
        return store.complete(state, lease).invoke(() -> {
            relay.kick();
            metrics.ended(state, "completed");
            LOG.infof("%s: completed", state);
        });
    }

    /** The campaign is no longer running: paused runs wait with their cursor, others end. */
    private Uni<Void> stopFor(String status, RunState state, String lease) {
        if ("paused".equals(status)) {
            LOG.infof("%s: campaign paused, the run waits at its cursor", state);
            metrics.ended(state, "suspended");
            return store.suspend(state.extractionId, lease);
        }
        return fail(state, lease, "completed".equals(status) ? "campaign completed"
                : "The campaign is " + status + ", so the extraction stopped.");
    }

    private Uni<Void> stopOn(Throwable failure, RunState state, ListingSource source, String lease) {
        if (failure instanceof LeaseLostException) {
            LOG.warnf("%s: another replica has taken the run over; this one stops", state);
            return Uni.createFrom().voidItem();
        }
        if (failure instanceof CampaignNotRunningException notRunning) {
            return stopFor(notRunning.status(), state, lease).onFailure().recoverWithUni(f -> ignore(f, state));
        }
        String portal = state.platform + (source.sandbox() ? " (sandbox)" : "");
        String error;
        if (failure instanceof PortalBlockedException) {
            error = portal + " blocked the extraction, so it stopped rather than save nothing: " + failure.getMessage();
        } else if (failure instanceof PortalLayoutChangedException) {
            error = portal + " changed its page layout, so the extraction stopped: " + failure.getMessage();
        } else if (failure instanceof PortalUnavailableException) {
            error = failure.getMessage();
        } else if (failure instanceof IllegalArgumentException) {
            error = "The campaign's filters cannot be searched on " + portal + ": " + failure.getMessage();
        } else if (failure instanceof IllegalStateException) {
            error = portal + " gave an answer the extraction cannot use: " + failure.getMessage();
        } else {
            LOG.errorf(failure, "%s: unexpected failure", state);
            error = "The extraction stopped on an unexpected error (" + failure.getClass().getSimpleName() + ": "
                    + failure.getMessage() + ").";
        }
        LOG.warnf("%s: failed: %s", state, error);
        return fail(state, lease, error).onFailure().recoverWithUni(f -> ignore(f, state));
    }

    private Uni<Void> fail(RunState state, String lease, String error) {
        return store.fail(state.extractionId, lease, error).invoke(() -> {
            relay.kick();
            metrics.ended(state, "failed");
        });
    }

    /**
     * This replica is shutting down (its pool closing under the run): the failure is not the run's. It stays
     * RUNNING under a lease that is no longer renewed, and a replica takes it over at its cursor.
     */
    private static Uni<Void> leaveToTakeover(RunState state, Throwable failure) {
        LOG.infof("%s: interrupted by the shutdown (%s); another replica resumes it once its lease expires", state,
                failure.getMessage());
        return Uni.createFrom().voidItem();
    }

    /** The run could not even be marked: its lease expires and another replica settles it. */
    private static Uni<Void> ignore(Throwable failure, RunState state) {
        if (!(failure instanceof LeaseLostException)) {
            LOG.errorf(failure, "%s: could not record how the run ended; its lease will expire", state);
        }
        return Uni.createFrom().voidItem();
    }
}
