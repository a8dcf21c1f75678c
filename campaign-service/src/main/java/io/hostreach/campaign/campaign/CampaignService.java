package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.extraction.ExtractionJob;
import io.hostreach.campaign.extraction.ExtractionJobView;
import io.hostreach.campaign.webhook.WebhookEventTypes;
import io.hostreach.campaign.webhook.WebhookQueue;
import io.hostreach.campaign.workspace.Workspace;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Campaign use cases. Every change that workers must know about writes its event to the outbox in the
 * same transaction; callers kick the relay after commit.
 */
@ApplicationScoped
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    private final CampaignJson json;
    private final CampaignEvents events;
    private final RunReadiness readiness;
    private final CampaignStatsReader stats;
    private final WebhookQueue webhooks;
    private final TemplateReferences templates;

    public CampaignService(CampaignJson json, CampaignEvents events, RunReadiness readiness, CampaignStatsReader stats,
                           WebhookQueue webhooks, TemplateReferences templates) {
        this.templates = templates;
        this.json = json;
        this.events = events;
        this.readiness = readiness;
        this.stats = stats;
        this.webhooks = webhooks;
    }

    @WithTransaction
    public Uni<CampaignView> create(AuthenticatedKey key, JsonNode body) {
        CampaignRequests.Fields fields = CampaignRequests.create(body);
        Instant now = Instant.now();
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.workspaceId = key.workspaceId();
        c.environment = key.environment().apiValue();
        c.status = CampaignStatus.DRAFT;
        c.createdAt = now;
        c.updatedAt = now;
        apply(c, fields);
        return templates.check(c.workspaceId, c.environment, fields.settings()).chain(() -> c.<Campaign>persist())
                .invoke(saved -> LOG.infof("campaign %s created (%s, %s)", saved.id, saved.platform, saved.environment))
                .map(saved -> json.view(saved, CampaignView.Stats.NONE));
    }

    @WithSession
    public Uni<PageView<CampaignView>> list(AuthenticatedKey key, String status, String platform, PageRequest page) {
        Violations v = new Violations();
        if (status != null && !CampaignStatus.ALL.contains(status)) {
            v.add("status", "status must be one of " + String.join(", ", CampaignStatus.ALL));
        }
        if (platform != null && Platform.fromApi(platform).isEmpty()) {
            v.add("platform", "platform must be one of " + String.join(", ", Platform.API_VALUES));
        }
        v.throwIfAny();
        StringBuilder where = new StringBuilder("workspaceId = :ws and environment = :env");
        Parameters params = Parameters.with("ws", key.workspaceId()).and("env", key.environment().apiValue());
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (platform != null) {
            where.append(" and platform = :platform");
            params.and("platform", platform);
        }
        var query = Campaign.<Campaign>find(where.toString(), Sort.descending("createdAt", "id"), params);
        return query.page(Page.of(page.page() - 1, page.limit())).list()
                .chain(campaigns -> query.count().chain(total -> stats.countsFor(campaigns.stream().map(c -> c.id).toList())
                        .map(counts -> new PageView<>(campaigns.stream()
                                .map(c -> json.view(c, counts.getOrDefault(c.id, CampaignView.Stats.NONE))).toList(),
                                page.page(), page.limit(), total))));
    }

    @WithSession
    public Uni<CampaignView> get(AuthenticatedKey key, String id) {
        return find(key, id).chain(this::withStats);
    }

    @WithTransaction
    public Uni<CampaignView> update(AuthenticatedKey key, String id, JsonNode body) {
        ObjectNode patch = JsonBody.requireObject(body);
        return find(key, id).chain(c -> {
            if (CampaignStatus.COMPLETED.equals(c.status)) {
                throw ApiException.conflict("A completed campaign cannot be changed");
            }
            if (CampaignStatus.RUNNING.equals(c.status)) {
                CampaignRequests.checkAllowedWhileRunning(patch);
            }
            CampaignRequests.Fields updated = CampaignRequests.update(fieldsOf(c), patch);
            boolean newSequence = patch.path("settings").has("sequence");
            Uni<Void> references = newSequence ? templates.check(c.workspaceId, c.environment, updated.settings())
                    : Uni.createFrom().voidItem();
            return references.chain(() -> {
                apply(c, updated);
                c.updatedAt = Instant.now();
                return flushAndAnnounce(c, workspace -> events.updated(c, workspace));
            })
                    .invoke(() -> LOG.infof("campaign %s updated", c.id))
                    .chain(() -> withStats(c));
        });
    }

    @WithTransaction
    public Uni<StatusChange> changeStatus(AuthenticatedKey key, String id, JsonNode body) {
        String target = targetStatus(body);
        return find(key, id).chain(c -> {
            String previous = c.status;
            if (previous.equals(target)) {
                return withStats(c).map(view -> new StatusChange(view, false));
            }
            if (CampaignStatus.COMPLETED.equals(previous)) {
                throw ApiException.conflict("Campaign is completed; completed is final");
            }
            if (!CampaignStatus.canMove(previous, target)) {
                throw ApiException.conflict("Cannot change status from " + previous + " to " + target
                        + "; allowed from " + previous + ": " + String.join(", ", CampaignStatus.allowedFrom(previous)));
            }
            Uni<Void> guard = CampaignStatus.RUNNING.equals(target) ? readiness.check(c) : Uni.createFrom().voidItem();
            return guard.chain(() -> {
                Instant now = Instant.now();
                c.status = target;
                c.updatedAt = now;
                c.pausedReason = null; // a reason belongs to the system's own pause, until a user acts
                switch (target) {
                    case CampaignStatus.RUNNING -> {
                        if (c.startedAt == null) {
                            c.startedAt = now;
                        }
                        c.pausedAt = null;
                    }
                    case CampaignStatus.PAUSED -> c.pausedAt = now;
                    default -> c.completedAt = now;
                }
                boolean firstStart = CampaignStatus.DRAFT.equals(previous);
                return startRun(c, firstStart).chain(job ->
                                flushAndAnnounce(c, workspace -> events.statusChanged(c, workspace, previous, job)))
                        .chain(() -> webhooks.publish(c.workspaceId, c.environment,
                                WebhookEventTypes.CAMPAIGN_STATUS_CHANGED, statusChange(c, previous)));
            }).invoke(() -> LOG.infof("campaign %s: %s -> %s", c.id, previous, target))
                    .chain(() -> withStats(c)).map(view -> new StatusChange(view, true));
        });
    }

    /**
     * {@code campaign.drained}: every lead of the campaign finished its sequence. A running csv_import campaign
     * then completes by itself, through the same status event and webhook as a client's change; anything else
     * (a portal campaign, already paused or completed) is left alone, so a redelivery changes nothing. Call
     * inside the consumer's transaction and kick the relay after commit.
     *
     * @return what happened, for the consumer's metrics
     */
    public Uni<String> completeDrained(UUID campaignId) {
        return Campaign.<Campaign>findById(campaignId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().item("orphan");
            }
            if (Platform.of(c.platform) != Platform.CSV_IMPORT || !CampaignStatus.RUNNING.equals(c.status)) {
                return Uni.createFrom().item("ignored");
            }
            String previous = c.status;
            Instant now = Instant.now();
            c.status = CampaignStatus.COMPLETED;
            c.updatedAt = now;
            c.completedAt = now;
            return flushAndAnnounce(c, workspace -> events.statusChanged(c, workspace, previous, null))
                    .chain(() -> webhooks.publish(c.workspaceId, c.environment, WebhookEventTypes.CAMPAIGN_STATUS_CHANGED,
                            statusChange(c, previous)))
                    .invoke(() -> LOG.infof("campaign %s: %s -> completed (every lead finished)", c.id, previous))
                    .replaceWith("completed");
        });
    }

    @WithTransaction
    public Uni<Void> delete(AuthenticatedKey key, String id) {
        return find(key, id).chain(c -> {
            if (!Set.of(CampaignStatus.DRAFT, CampaignStatus.COMPLETED).contains(c.status)) {
                throw ApiException.conflict("Only draft or completed campaigns can be deleted; this one is " + c.status
                        + " (complete it first)");
            }
            // Leads, their personal data and the campaign's jobs go with it (foreign keys cascade).
            return c.delete().invoke(() -> LOG.infof("campaign %s deleted", c.id));
        });
    }

    @WithTransaction
    public Uni<ExecutionRequest> execute(AuthenticatedKey key, String id) {
        return find(key, id).chain(c -> {
            Platform platform = Platform.of(c.platform);
            if (!platform.isPortal()) {
                throw ApiException.badRequest("Only portal campaigns can be executed; " + c.platform
                        + " campaigns get their leads from " + (platform == Platform.WIDGET ? "the widget" : "CSV imports"));
            }
            if (!CampaignStatus.RUNNING.equals(c.status)) {
                throw ApiException.conflict("Campaign must be running to execute; it is " + c.status);
            }
            return ExtractionJob.<ExtractionJob>find("campaignId = ?1 and status in ('QUEUED', 'RUNNING')", c.id)
                    .firstResult()
                    .chain(active -> active != null
                            ? Uni.createFrom().item(new ExecutionRequest(ExtractionJobView.of(active), false))
                            : queueJob(c, "execute")
                                    .call(job -> Workspace.<Workspace>findById(c.workspaceId)
                                            .chain(workspace -> events.executionRequested(c, workspace, job.id)))
                                    .map(job -> new ExecutionRequest(ExtractionJobView.of(job), true)));
        });
    }

    /**
     * A portal campaign without a schedule extracts once when it first starts: its job is queued here, and
     * its id travels in the status event so the worker runs exactly that job.
     */
    private Uni<UUID> startRun(Campaign c, boolean firstStart) {
        boolean scheduled = json.read(c.settings).hasNonNull("scheduledHours");
        if (!firstStart || scheduled || !Platform.of(c.platform).isPortal()) {
            return Uni.createFrom().nullItem();
        }
        return queueJob(c, "start").map(job -> job.id);
    }

    /**
     * {@code POST /extractions}: an extract_only campaign that runs at once, with its job queued in the same
     * transaction.
     */
    @WithTransaction
    public Uni<ExtractionJob> startExtraction(AuthenticatedKey key, JsonNode body) {
        CampaignRequests.Fields fields = CampaignRequests.extraction(body);
        Instant now = Instant.now();
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.workspaceId = key.workspaceId();
        c.environment = key.environment().apiValue();
        c.status = CampaignStatus.RUNNING;
        c.createdAt = now;
        c.updatedAt = now;
        c.startedAt = now;
        apply(c, fields);
        return templates.check(c.workspaceId, c.environment, fields.settings()).chain(() -> c.<Campaign>persist())
                .chain(saved -> queueJob(saved, "execute"))
                .call(job -> flushAndAnnounce(c, workspace -> events.statusChanged(c, workspace, CampaignStatus.DRAFT, job.id)));
    }

    /**
     * outreach-worker held a running campaign (a Meta error such as a paused template, a quality or token
     * problem): it is paused here too, with the reason, announced like a user's pause (event and webhook) so
     * nothing else runs and the customer sees why. Inside the caller's transaction; false if it was not running.
     */
    public Uni<Boolean> pauseForOutreach(UUID campaignId, String reason) {
        return Campaign.<Campaign>findById(campaignId).chain(c -> {
            if (c == null || !CampaignStatus.RUNNING.equals(c.status)) {
                return Uni.createFrom().item(false);
            }
            String previous = c.status;
            Instant now = Instant.now();
            c.status = CampaignStatus.PAUSED;
            c.pausedAt = now;
            c.pausedReason = reason;
            c.updatedAt = now;
            LOG.warnf("campaign %s paused by outreach: %s", c.id, reason);
            return flushAndAnnounce(c, workspace -> events.statusChanged(c, workspace, previous, null))
                    .chain(() -> {
                        var data = statusChange(c, previous);
                        data.put("reason", reason);
                        return webhooks.publish(c.workspaceId, c.environment, WebhookEventTypes.CAMPAIGN_STATUS_CHANGED, data);
                    })
                    .replaceWith(true);
        });
    }

    /** What a status change did; {@code changed} is false for a no-op (same status). */
    public record StatusChange(CampaignView campaign, boolean changed) {
    }

    /** The job an execute request answers with; {@code created} is false when one was already active. */
    public record ExecutionRequest(ExtractionJobView job, boolean created) {
    }

    private Uni<ExtractionJob> queueJob(Campaign c, String trigger) {
        ExtractionJob job = new ExtractionJob();
        job.id = UUID.randomUUID();
        job.workspaceId = c.workspaceId;
        job.environment = c.environment;
        job.campaignId = c.id;
        job.platform = c.platform;
        job.status = ExtractionJob.QUEUED;
        job.expectedResults = json.read(c.segmentation).path("expectedResults").asInt(CampaignDefaults.DEFAULT_EXPECTED_RESULTS);
        job.trigger = trigger;
        job.requestedAt = Instant.now();
        return job.<ExtractionJob>persist()
                .invoke(saved -> LOG.infof("extraction %s queued for campaign %s (%s)", saved.id, c.id, trigger));
    }

    private static String targetStatus(JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", Set.of("status"), v);
        String status = JsonBody.oneOf(json, "status", "", CampaignStatus.SETTABLE, v);
        if (!json.hasNonNull("status")) {
            v.add("status", "status is required (one of " + String.join(", ", CampaignStatus.SETTABLE) + ")");
        }
        v.throwIfAny();
        return status;
    }

    /** Flushes first so the event carries the version this change commits with. */
    private Uni<Void> flushAndAnnounce(Campaign c, java.util.function.Function<Workspace, Uni<Void>> announce) {
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> Workspace.<Workspace>findById(c.workspaceId))
                .chain(workspace -> announce.apply(workspace));
    }

    private com.fasterxml.jackson.databind.node.ObjectNode statusChange(Campaign c, String previous) {
        var data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        data.put("campaignId", c.id.toString());
        data.put("name", c.name);
        data.put("platform", c.platform);
        data.put("previousStatus", previous);
        data.put("status", c.status);
        data.put("changedAt", c.updatedAt.toString());
        return data;
    }

    private Uni<Campaign> find(AuthenticatedKey key, String rawId) {
        UUID id = Ids.parse(rawId, "Campaign");
        // Another workspace's or environment's campaign is indistinguishable from a missing one.
        return Campaign.<Campaign>find("id = ?1 and workspaceId = ?2 and environment = ?3", id, key.workspaceId(),
                        key.environment().apiValue()).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("Campaign not found"));
    }

    private Uni<CampaignView> withStats(Campaign c) {
        return stats.countsFor(c.id).map(s -> json.view(c, s));
    }

    private CampaignRequests.Fields fieldsOf(Campaign c) {
        return new CampaignRequests.Fields(Platform.of(c.platform), c.name, c.mode, c.contactMode,
                json.read(c.segmentation), json.read(c.settings));
    }

    private void apply(Campaign c, CampaignRequests.Fields fields) {
        c.platform = fields.platform().apiValue();
        c.name = fields.name();
        c.mode = fields.mode();
        c.contactMode = fields.contactMode();
        c.segmentation = json.write(fields.segmentation());
        c.settings = json.write(fields.settings());
    }

}
