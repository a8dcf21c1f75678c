package io.hostreach.extraction.run;

import io.hostreach.extraction.campaign.Campaign;
import io.hostreach.extraction.campaign.CampaignRepository;
import io.hostreach.extraction.lead.LeadCaptured;
import io.hostreach.extraction.lead.LeadEvents;
import io.hostreach.extraction.lead.SeenListings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.UUID;

/**
 * Every change a running execution makes to its run, each in one transaction with the events it announces.
 * Each checks first that this replica still holds the run's lease (fencing): a replica that stalled past its
 * lease changes nothing once another one has taken over.
 */
@ApplicationScoped
public class RunStore {

    private final ExtractionRunRepository runs;
    private final CampaignRepository campaigns;
    private final SeenListings seen;
    private final LeadEvents leadEvents;
    private final RunEvents runEvents;
    private final RunnerConfig config;

    public RunStore(ExtractionRunRepository runs, CampaignRepository campaigns, SeenListings seen,
                    LeadEvents leadEvents, RunEvents runEvents, RunnerConfig config) {
        this.runs = runs;
        this.campaigns = campaigns;
        this.seen = seen;
        this.leadEvents = leadEvents;
        this.runEvents = runEvents;
        this.config = config;
    }

    /**
     * Commits a page: the listings remembered, a lead.captured event per lead, the counters and the cursor.
     *
     * @return the campaign's status as of this commit, for the decision whether to go on
     */
    public Uni<String> commitPage(RunState state, PageWork page, String lease) {
        return Panache.withTransaction(() -> leased(state.extractionId, lease).chain(run -> {
            state.add(page);
            state.writeTo(run);
            run.leaseExpiresAt = Instant.now().plus(config.lease());
            return seen.remember(state.campaignId, state.workspaceId, state.environment, state.extractionId, page.seen)
                    .chain(() -> Multi.createFrom().iterable(page.leads)
                            .onItem().transformToUniAndConcatenate(leadEvents::captured)
                            .collect().last())
                    .chain(() -> campaigns.findById(state.campaignId))
                    .map(campaign -> campaign == null ? "deleted" : campaign.status);
        }));
    }

    public Uni<Void> complete(RunState state, String lease) {
        return finish(state.extractionId, lease, RunStatus.COMPLETED, null);
    }

    public Uni<Void> fail(UUID extractionId, String lease, String error) {
        return finish(extractionId, lease, RunStatus.FAILED, error);
    }

    /** Back to the queue with its cursor (campaign paused, replica stopping): it resumes where it stopped. */
    public Uni<Void> suspend(UUID extractionId, String lease) {
        return Panache.withTransaction(() -> leased(extractionId, lease).invoke(run -> {
            run.status = RunStatus.QUEUED;
            run.leaseOwner = null;
            run.leaseExpiresAt = null;
        })).replaceWithVoid();
    }

    /** The campaign's status now (it may have been paused or completed since the page began). */
    public Uni<String> campaignStatus(UUID campaignId) {
        return Panache.withSession(() -> campaigns.findById(campaignId))
                .map(campaign -> campaign == null ? "deleted" : campaign.status);
    }

    private Uni<Void> finish(UUID extractionId, String lease, RunStatus status, String error) {
        return Panache.withTransaction(() -> leased(extractionId, lease).chain(run -> {
            run.status = status;
            run.error = error;
            run.finishedAt = Instant.now();
            run.leaseOwner = null;
            run.leaseExpiresAt = null;
            return campaigns.findById(run.campaignId).chain(campaign -> announce(run, campaign));
        }));
    }

    private Uni<Void> announce(ExtractionRun run, Campaign campaign) {
        if (campaign == null) {
            return Uni.createFrom().voidItem(); // the campaign is gone (and with it, by cascade, the run)
        }
        return run.status == RunStatus.COMPLETED ? runEvents.completed(run, campaign) : runEvents.failed(run, campaign);
    }

    private Uni<ExtractionRun> leased(UUID extractionId, String lease) {
        return runs.findById(extractionId, LockModeType.PESSIMISTIC_WRITE).map(run -> {
            if (run == null || run.status != RunStatus.RUNNING || !lease.equals(run.leaseOwner)) {
                throw new LeaseLostException(extractionId);
            }
            return run;
        });
    }
}
