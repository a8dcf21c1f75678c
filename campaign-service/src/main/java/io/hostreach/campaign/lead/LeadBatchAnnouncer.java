package io.hostreach.campaign.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.webhook.WebhookEventTypes;
import io.hostreach.campaign.webhook.WebhookQueue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announces newly captured leads to webhooks as one {@code leads.imported} per campaign and batch, whatever
 * brought them in (an extraction, a CSV import, the widget). Rows are claimed with SKIP LOCKED, so several
 * replicas never announce a lead twice.
 */
@ApplicationScoped
public class LeadBatchAnnouncer {

    private static final String CLAIM = """
            select * from lead where announced_at is null order by created_at limit :limit for update skip locked""";
    private static final int BATCH = 500;
    private static final int MAX_ROUNDS = 200;

    private final WebhookQueue webhooks;
    private final ObjectMapper mapper;

    public LeadBatchAnnouncer(WebhookQueue webhooks, ObjectMapper mapper) {
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    @Scheduled(identity = "leads-imported", every = "${hostreach.webhooks.leads-batch-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announce() {
        return rounds(MAX_ROUNDS);
    }

    /** A full batch means more are waiting (a 50,000-row import): go on at once rather than at the next tick. */
    private Uni<Void> rounds(int left) {
        return round().chain(full -> full && left > 1 ? rounds(left - 1) : Uni.createFrom().voidItem());
    }

    @SuppressWarnings("unchecked")
    private Uni<Boolean> round() {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(CLAIM, Lead.class).setParameter("limit", BATCH)
                                .getResultList())
                        .chain(rows -> announce((List<Lead>) rows).replaceWith(rows.size() == BATCH)))
                .onFailure().recoverWithItem(false);
    }

    private Uni<Void> announce(List<Lead> leads) {
        if (leads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        Map<UUID, List<Lead>> byCampaign = new LinkedHashMap<>();
        leads.forEach(lead -> {
            lead.announcedAt = now;
            byCampaign.computeIfAbsent(lead.campaignId, id -> new java.util.ArrayList<>()).add(lead);
        });
        // One session: its operations must run one after another.
        return Multi.createFrom().iterable(byCampaign.values()).onItem().transformToUniAndConcatenate(this::publish)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> publish(List<Lead> batch) {
        Lead first = batch.get(0);
        ObjectNode data = mapper.createObjectNode();
        data.put("campaignId", first.campaignId.toString());
        data.put("count", batch.size());
        ArrayNode ids = data.putArray("leadIds");
        batch.forEach(lead -> ids.add(lead.id.toString()));
        return webhooks.publish(first.workspaceId, first.environment, WebhookEventTypes.LEADS_IMPORTED, data);
    }
}
