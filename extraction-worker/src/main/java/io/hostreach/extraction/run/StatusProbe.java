package io.hostreach.extraction.run;

import io.smallrye.mutiny.Uni;

import java.time.Duration;

/**
 * Looks at the campaign's status between the requests of a page, at most once per interval, so a pause takes
 * effect within seconds even on portals that need a detail request per listing (a page may take minutes).
 */
final class StatusProbe {

    private final RunStore store;
    private final RunThreads threads;
    private final java.util.UUID campaignId;
    private final long intervalMillis;
    private long lastCheck = System.currentTimeMillis();

    StatusProbe(RunStore store, RunThreads threads, java.util.UUID campaignId, Duration interval) {
        this.store = store;
        this.threads = threads;
        this.campaignId = campaignId;
        this.intervalMillis = interval.toMillis();
    }

    /** Fails with {@link CampaignNotRunningException} once the campaign is no longer running. */
    Uni<Void> check() {
        return status().invoke(status -> {
            if (!"running".equals(status)) {
                throw new CampaignNotRunningException(status);
            }
        }).replaceWithVoid();
    }

    /** Whether the campaign still seems to run (true until a due look says otherwise). */
    Uni<Boolean> running() {
        return status().map("running"::equals);
    }

    /** The campaign's status if a look is due, else "running" (what the last look or commit said). */
    private Uni<String> status() {
        long now = System.currentTimeMillis();
        if (now - lastCheck < intervalMillis) {
            return Uni.createFrom().item("running");
        }
        lastCheck = now;
        return threads.home(store.campaignStatus(campaignId));
    }
}
