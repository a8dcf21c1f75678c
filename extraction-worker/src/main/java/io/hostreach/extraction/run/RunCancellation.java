package io.hostreach.extraction.run;

import io.hostreach.extraction.campaign.Campaign;
import io.hostreach.extraction.campaign.CampaignRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Ends a campaign's queued runs (including runs waiting at their cursor after a pause) when the campaign
 * completes: FAILED with the reason, each announced. A running run stops at its next page on its own.
 */
@ApplicationScoped
public class RunCancellation {

    private final ExtractionRunRepository runs;
    private final CampaignRepository campaigns;
    private final RunEvents events;

    public RunCancellation(ExtractionRunRepository runs, CampaignRepository campaigns, RunEvents events) {
        this.runs = runs;
        this.campaigns = campaigns;
        this.events = events;
    }

    /** Must run inside a transaction. @return the number of runs ended */
    public Uni<Integer> cancelQueued(UUID campaignId, String reason) {
        return campaigns.findById(campaignId).chain(campaign -> runs.queuedOf(campaignId)
                .chain(queued -> Multi.createFrom().iterable(queued)
                        .onItem().transformToUniAndConcatenate(run -> cancel(run, campaign, reason))
                        .collect().asList()
                        .map(java.util.List::size)));
    }

    private Uni<Void> cancel(ExtractionRun run, Campaign campaign, String reason) {
        run.status = RunStatus.FAILED;
        run.error = reason;
        run.finishedAt = Instant.now();
        return events.failed(run, campaign);
    }
}
