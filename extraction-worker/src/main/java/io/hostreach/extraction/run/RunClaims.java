package io.hostreach.extraction.run;

import io.hostreach.extraction.campaign.Campaign;
import io.hostreach.extraction.campaign.CampaignRepository;
import io.hostreach.extraction.source.ListingSources;
import io.hostreach.extraction.source.UnknownPortalException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Claims the next run for this replica, in one transaction with its first decisions. Candidates are queued runs
 * of campaigns that are not paused, and runs whose lease expired (their replica died). A queued run waits while
 * another run of its campaign is running; two replicas claiming at once are kept apart by
 * {@code FOR UPDATE SKIP LOCKED} and, for two runs of one campaign, by the unique index on running runs.
 */
@ApplicationScoped
public class RunClaims {

    private static final Logger LOG = Logger.getLogger(RunClaims.class);
    private static final String CANDIDATE = """
            select r.extraction_id from extraction_run r join campaign c on c.id = r.campaign_id
            where (r.status = 'QUEUED' and c.status <> 'paused'
                   and not exists (select 1 from extraction_run o where o.campaign_id = r.campaign_id and o.status = 'RUNNING'))
               or (r.status = 'RUNNING' and r.lease_expires_at < now())
            order by case when r.status = 'RUNNING' then 0 else 1 end, r.requested_at
            limit 1 for update of r skip locked""";

    private final ExtractionRunRepository runs;
    private final CampaignRepository campaigns;
    private final ListingSources sources;
    private final RunEvents events;
    private final RunnerConfig config;

    public RunClaims(ExtractionRunRepository runs, CampaignRepository campaigns, ListingSources sources,
                     RunEvents events, RunnerConfig config) {
        this.runs = runs;
        this.campaigns = campaigns;
        this.sources = sources;
        this.events = events;
        this.config = config;
    }

    public Uni<ClaimOutcome> claimNext(String owner) {
        return Panache.withTransaction(() -> candidate().chain(id -> id == null
                ? Uni.createFrom().item(new ClaimOutcome.None())
                : runs.findById(id).chain(run -> campaigns.findById(run.campaignId)
                        .chain(campaign -> begin(run, campaign, owner)))));
    }

    @SuppressWarnings("unchecked")
    private Uni<UUID> candidate() {
        return Panache.getSession().chain(session -> session.createNativeQuery(CANDIDATE).getResultList())
                .map(rows -> {
                    List<Object> ids = (List<Object>) rows;
                    if (ids.isEmpty()) {
                        return null;
                    }
                    Object id = ids.get(0);
                    return id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
                });
    }

    private Uni<ClaimOutcome> begin(ExtractionRun run, Campaign campaign, String owner) {
        boolean takeover = run.status == RunStatus.RUNNING;
        if (takeover && run.recoveries >= config.maxRecoveries()) {
            return fail(run, campaign, "The extraction was interrupted " + (run.recoveries + 1)
                    + " times (its worker stopped or stalled) and was given up.");
        }
        switch (campaign.status) {
            case "running" -> { }
            case "paused" -> {
                // A takeover of a paused campaign's run: back in the queue, cursor kept, until it resumes.
                release(run);
                return Uni.createFrom().item(new ClaimOutcome.Settled("run " + run.extractionId + " waits for its campaign to resume"));
            }
            case "completed" -> {
                return fail(run, campaign, "campaign completed");
            }
            default -> {
                return fail(run, campaign, "The campaign is " + campaign.status + ", so the extraction did not run.");
            }
        }
        boolean firstStart = run.startedAt == null;
        // A resumed run keeps the search it began with, even if the filters were edited while it waited.
        String segmentation = run.segmentation != null ? run.segmentation : campaign.segmentation;
        CampaignSearch search;
        try {
            search = CampaignSearch.of(segmentation);
        } catch (IllegalArgumentException e) {
            return fail(run, campaign, "The campaign's filters cannot be searched: " + e.getMessage() + ".");
        }
        Instant now = Instant.now();
        run.status = RunStatus.RUNNING;
        // A lease per claim: if this very replica ever took its own run over (a stalled heartbeat), the older
        // execution would find the lease changed at its next commit and stop.
        run.leaseOwner = owner + "/" + UUID.randomUUID().toString().substring(0, 8);
        run.leaseExpiresAt = now.plus(config.lease());
        if (takeover) {
            run.recoveries++;
            LOG.infof("run %s of campaign %s taken over after a lost lease (page %d)", run.extractionId,
                    run.campaignId, run.nextPage);
        }
        if (firstStart) {
            run.startedAt = now;
            run.expectedResults = search.expectedResults();
        }
        run.segmentation = segmentation;
        RunState state = new RunState(run, campaign.workspaceId, campaign.environment, campaign.platform, search);
        return sources.open(campaign.platform, campaign.environment, campaign.workspaceId)
                .chain(source -> (firstStart ? events.started(run, campaign) : Uni.createFrom().voidItem())
                        .replaceWith((ClaimOutcome) new ClaimOutcome.Go(state, source)))
                .onFailure(UnknownPortalException.class).recoverWithUni(e -> fail(run, campaign, e.getMessage() + "."));
    }

    private static void release(ExtractionRun run) {
        run.status = RunStatus.QUEUED;
        run.leaseOwner = null;
        run.leaseExpiresAt = null;
    }

    private Uni<ClaimOutcome> fail(ExtractionRun run, Campaign campaign, String error) {
        run.status = RunStatus.FAILED;
        run.error = error;
        run.finishedAt = Instant.now();
        run.leaseOwner = null;
        run.leaseExpiresAt = null;
        LOG.infof("run %s of campaign %s failed before starting: %s", run.extractionId, run.campaignId, error);
        return events.failed(run, campaign).replaceWith(new ClaimOutcome.Settled("run " + run.extractionId + " failed"));
    }
}
