package io.hostreach.campaign.widget;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.campaign.Campaign;
import io.hostreach.campaign.lead.Lead;
import io.hostreach.campaign.lead.LeadCaptured;
import io.hostreach.campaign.lead.LeadStore;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.Topics;
import io.hostreach.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Turns a widget submission into a lead of the workspace's running widget campaign (live environment: the
 * widget sits on the agency's real site), with its consent recorded, and announces it on {@code lead-events}
 * in the same transaction so outreach-worker enrols it and contacts it at the first allowed time.
 */
@ApplicationScoped
public class WidgetIntake {

    public static final String SOURCE = "widget";
    static final String EVENT_SOURCE = "/hostreach/campaign-service";
    static final String ENVIRONMENT = "live";
    private static final Logger LOG = Logger.getLogger(WidgetIntake.class);

    private final LeadStore leads;
    private final Outbox outbox;
    private final IpHasher ipHasher;
    private final String topic;

    public WidgetIntake(LeadStore leads, Outbox outbox, IpHasher ipHasher,
                        @ConfigProperty(name = Topics.LEAD_EVENTS) String topic) {
        this.leads = leads;
        this.outbox = outbox;
        this.ipHasher = ipHasher;
        this.topic = topic;
    }

    /** True when a new lead was created (and announced); false when the phone was already a lead (updated). */
    @WithTransaction
    public Uni<Boolean> submit(WidgetRequest.KeyOwner owner, WidgetLeadRequest request) {
        return Campaign.<Campaign>find("workspaceId = ?1 and environment = ?2 and platform = 'widget' and status = 'running'",
                        owner.workspaceId(), ENVIRONMENT).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.conflict(
                        "No widget campaign is running in this workspace; the agency must start one to receive requests"))
                .chain(campaign -> capture(owner, request, campaign));
    }

    private Uni<Boolean> capture(WidgetRequest.KeyOwner owner, WidgetLeadRequest request, Campaign campaign) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ObjectNode attributes = null;
        if (request.message() != null) {
            attributes = JsonNodeFactory.instance.objectNode().put("message", request.message());
        }
        LeadCaptured captured = new LeadCaptured(UUID.randomUUID(), campaign.id, owner.workspaceId(), ENVIRONMENT, null,
                SOURCE, "unknown", request.name(), request.phone(), request.email(), null, null, null, attributes, now);
        LeadConsent consent = new LeadConsent();
        consent.source = SOURCE;
        consent.text = owner.consentText();
        consent.givenAt = now;
        consent.pageUrl = request.pageUrl();
        consent.ipHash = ipHasher.hash(owner.clientIp());
        return leads.capture(captured).chain(outcome -> {
            boolean created = outcome == LeadStore.Outcome.CREATED;
            // A known phone updates its lead (a duplicate): it keeps its campaign, is not enrolled twice, and its
            // latest consent replaces the earlier one.
            Uni<UUID> leadId = created ? Uni.createFrom().item(captured.leadId())
                    : Lead.<Lead>find("workspaceId = ?1 and environment = ?2 and phone = ?3", owner.workspaceId(),
                            ENVIRONMENT, request.phone()).firstResult().map(lead -> lead.id);
            return leadId.chain(id -> recordConsent(id, consent))
                    .chain(() -> created ? announce(captured, consent) : Uni.createFrom().voidItem())
                    .invoke(() -> LOG.infof("widget lead %s for campaign %s (%s)", created ? captured.leadId() : "(known phone)",
                            campaign.id, created ? "created" : "duplicate"))
                    .replaceWith(created);
        });
    }

    private static Uni<Void> recordConsent(UUID leadId, LeadConsent consent) {
        return LeadConsent.<LeadConsent>findById(leadId).chain(existing -> {
            if (existing == null) {
                consent.leadId = leadId;
                return consent.persist().replaceWithVoid();
            }
            existing.text = consent.text;
            existing.givenAt = consent.givenAt;
            existing.pageUrl = consent.pageUrl;
            existing.ipHash = consent.ipHash;
            return Uni.createFrom().voidItem();
        });
    }

    /** The same data shape extraction-worker emits (docs/asyncapi.yaml), plus the consent the visitor gave. */
    private Uni<Void> announce(LeadCaptured c, LeadConsent consent) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("leadId", c.leadId().toString());
        data.put("campaignId", c.campaignId().toString());
        data.put("workspaceId", c.workspaceId().toString());
        data.put("environment", c.environment());
        data.putNull("extractionId");
        data.put("source", c.source());
        data.put("advertiserType", c.advertiserType());
        data.put("name", c.name());
        data.put("phone", c.phone());
        data.put("email", c.email());
        data.putNull("listing");
        if (c.attributes() == null) {
            data.putNull("attributes");
        } else {
            data.set("attributes", c.attributes());
        }
        data.put("capturedAt", c.capturedAt().toString());
        ObjectNode given = data.putObject("consent");
        given.put("text", consent.text);
        given.put("givenAt", consent.givenAt.toString());
        given.put("pageUrl", consent.pageUrl);
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), EVENT_SOURCE, EventTypes.LEAD_CAPTURED,
                c.leadId().toString(), c.capturedAt(), data);
        return outbox.append(topic, c.campaignId().toString(), event).replaceWithVoid();
    }
}
