package io.hostreach.campaign.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.campaign.CampaignService;
import io.hostreach.campaign.lead.Lead;
import io.smallrye.mutiny.Multi;
import io.hostreach.campaign.lead.LeadStatus;
import io.hostreach.campaign.webhook.WebhookEventTypes;
import io.hostreach.campaign.webhook.WebhookQueue;
import io.hostreach.platform.events.EventTypes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What outreach means for the system of record: the message log (statuses only move forward), lead statuses
 * the system sets (CONTACTED, FOLLOWED_UP, REPLIED, ERROR — never over a status an agent chose), and the
 * customer webhooks message.status_updated, lead.status_updated and lead.first_response.
 */
@ApplicationScoped
public class OutreachProjection {

    /** Statuses the system may still move; anything an agent set (QUALIFIED, WON…) is theirs. */
    private static final Set<String> SYSTEM_OWNED = Set.of(LeadStatus.PENDING, "CONTACTED", "FOLLOWED_UP");

    private final WebhookQueue webhooks;
    private final CampaignService campaigns;
    private final ObjectMapper mapper;

    public OutreachProjection(WebhookQueue webhooks, ObjectMapper mapper, CampaignService campaigns) {
        this.campaigns = campaigns;
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    /** Returns what happened, for the consumer's metrics; {@code eventId} names an inbound message (lead.replied). */
    public Uni<String> apply(String type, String eventId, OutreachReport r) {
        return switch (type) {
            case EventTypes.MESSAGE_SENT, EventTypes.MESSAGE_DELIVERED, EventTypes.MESSAGE_READ, EventTypes.MESSAGE_FAILED ->
                    message(r);
            case EventTypes.LEAD_REPLIED -> inbound(eventId, r).chain(() -> replied(r));
            case EventTypes.LEAD_OPTED_OUT -> optedOut(r);
            default -> Uni.createFrom().item("ignored");
        };
    }

    private Uni<String> message(OutreachReport r) {
        if (r.messageId() == null || r.leadId() == null || r.status() == null) {
            throw new io.hostreach.platform.events.PoisonEventException("message event without messageId, leadId or status");
        }
        return Message.<Message>findById(r.messageId()).chain(found -> {
            Message m = found;
            if (m == null) {
                m = new Message();
                m.id = r.messageId();
                m.workspaceId = r.workspaceId();
                m.environment = r.environment();
                m.leadId = r.leadId();
                m.campaignId = r.campaignId();
                m.step = r.step() == null ? 1 : r.step();
                m.channel = r.channel() == null ? "whatsapp" : r.channel();
                m.status = "pending";
                m.createdAt = r.at();
            }
            if (!"pending".equals(m.status) && !m.advancesTo(r.status())) {
                return Uni.createFrom().item("stale");
            }
            m.status = r.status();
            if (m.body == null && r.text() != null && "sent".equals(r.status())) {
                m.body = r.text(); // what the lead reads, for the conversation
            }
            m.providerMessageId = r.providerMessageId() != null ? r.providerMessageId() : m.providerMessageId;
            m.updatedAt = r.at();
            switch (r.status()) {
                case "sent" -> m.sentAt = r.at();
                case "delivered" -> m.deliveredAt = r.at();
                case "read" -> m.readAt = r.at();
                default -> {
                    m.failedAt = r.at();
                    m.errorCode = r.errorCode();
                    m.errorTitle = r.errorTitle();
                }
            }
            Message saved = m;
            Uni<?> stored = found == null ? m.persist() : Uni.createFrom().item(m);
            return stored.chain(() -> leadAfterMessage(saved, r))
                    .chain(() -> pauseHeld(r))
                    .chain(() -> webhooks.publish(r.workspaceId(), r.environment(), WebhookEventTypes.MESSAGE_STATUS_UPDATED,
                            messageData(saved)))
                    .replaceWith("applied");
        });
    }

    /** outreach-worker held campaigns (every one of the account, for a number- or token-level error): pause them here. */
    private Uni<Void> pauseHeld(OutreachReport r) {
        if (!r.campaignPaused()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = r.pausedCampaignIds().isEmpty() ? List.of(r.campaignId()) : r.pausedCampaignIds();
        String reason = r.reason() != null ? r.reason() : r.errorTitle();
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id -> campaigns.pauseForOutreach(id, reason))
                .collect().asList().replaceWithVoid();
    }

    private Uni<Void> leadAfterMessage(Message m, OutreachReport r) {
        return Lead.<Lead>findById(m.leadId).chain(lead -> {
            if (lead == null) {
                return Uni.createFrom().voidItem();
            }
            String next = null;
            if ("sent".equals(r.status())) {
                lead.lastContactedAt = r.at();
                next = m.step > 1 ? "FOLLOWED_UP" : "CONTACTED";
            } else if ("failed".equals(r.status()) && LeadStatus.PENDING.equals(lead.status)) {
                next = "ERROR";
            }
            return moveLead(lead, next, r);
        });
    }

    /**
     * A reply with its text joins the conversation as an inbound message, named after the event (a redelivery
     * is skipped by the inbox; the id keeps it single anyway). A reply recorded by hand (a task completed as
     * replied) has no text and stays only a lead status.
     */
    private Uni<Void> inbound(String eventId, OutreachReport r) {
        if (r.text() == null || r.leadId() == null || r.campaignId() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID id = inboundId(eventId);
        return Message.<Message>findById(id).chain(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            Message m = new Message();
            m.id = id;
            m.workspaceId = r.workspaceId();
            m.environment = r.environment();
            m.leadId = r.leadId();
            m.campaignId = r.campaignId();
            m.step = 0;
            m.channel = r.channel() == null ? "whatsapp" : r.channel();
            m.direction = Message.INBOUND;
            m.status = Message.RECEIVED;
            m.body = r.text();
            m.createdAt = r.at();
            m.updatedAt = r.at();
            return m.persist().replaceWithVoid();
        });
    }

    private static UUID inboundId(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException notUuid) {
            return UUID.nameUUIDFromBytes(("lead.replied:" + eventId).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Uni<String> replied(OutreachReport r) {
        return Lead.<Lead>findById(r.leadId()).chain(lead -> {
            if (lead == null) {
                return Uni.createFrom().item("orphan");
            }
            boolean first = lead.repliedAt == null;
            if (first) {
                lead.repliedAt = r.at();
            }
            Uni<Void> firstResponse = Uni.createFrom().voidItem();
            if (first) {
                ObjectNode data = mapper.createObjectNode();
                data.put("leadId", lead.id.toString());
                data.put("campaignId", lead.campaignId.toString());
                data.put("text", r.text());
                data.put("at", r.at().toString());
                firstResponse = webhooks.publish(lead.workspaceId, lead.environment, WebhookEventTypes.LEAD_FIRST_RESPONSE, data);
            }
            return firstResponse.chain(() -> moveLead(lead, "REPLIED", r)).replaceWith("applied");
        });
    }

    private Uni<String> optedOut(OutreachReport r) {
        if (r.leadId() == null) {
            return Uni.createFrom().item("ignored");
        }
        return Lead.<Lead>findById(r.leadId()).invoke(lead -> {
            if (lead != null && lead.optedOutAt == null) {
                lead.optedOutAt = r.at();
                lead.updatedAt = r.at();
            }
        }).replaceWith("applied");
    }

    private Uni<Void> moveLead(Lead lead, String next, OutreachReport r) {
        if (next == null || next.equals(lead.status) || !SYSTEM_OWNED.contains(lead.status)) {
            return Uni.createFrom().voidItem();
        }
        String previous = lead.status;
        lead.status = next;
        lead.updatedAt = r.at();
        ObjectNode data = mapper.createObjectNode();
        data.put("leadId", lead.id.toString());
        data.put("campaignId", lead.campaignId.toString());
        data.put("previousStatus", previous);
        data.put("status", next);
        data.put("changedBy", "system");
        return webhooks.publish(lead.workspaceId, lead.environment, WebhookEventTypes.LEAD_STATUS_UPDATED, data);
    }

    private ObjectNode messageData(Message m) {
        ObjectNode data = mapper.createObjectNode();
        data.put("messageId", m.id.toString());
        data.put("leadId", m.leadId.toString());
        data.put("campaignId", m.campaignId.toString());
        data.put("step", m.step);
        data.put("channel", m.channel);
        data.put("status", m.status);
        if (m.errorCode != null) {
            data.put("errorCode", m.errorCode);
            data.put("errorTitle", m.errorTitle);
        }
        data.put("at", m.updatedAt.toString());
        return data;
    }
}
