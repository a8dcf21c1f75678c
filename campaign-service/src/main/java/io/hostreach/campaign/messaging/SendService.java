package io.hostreach.campaign.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.account.WhatsAppAccount;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.campaign.Campaign;
import io.hostreach.campaign.lead.Lead;
import io.hostreach.campaign.outreach.OutreachRelay;
import io.hostreach.campaign.outreach.OutreachWorkerClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Ad-hoc messages to one lead ({@code /messaging/send}, {@code /messaging/send-template}). The lead, campaign and
 * account must be this key's; outreach-worker then queues the message in its send log, where the same guard
 * rails as a sequence's apply (suppression list, quiet hours and legal windows, spacing, limits, the 24-hour
 * window for free text, at most once). The queued message joins the conversation at once.
 */
@ApplicationScoped
public class SendService {

    static final int MAX_TEXT = 4096;
    private static final Set<String> TEXT_FIELDS = Set.of("leadId", "message", "accountId", "campaignId");
    private static final Set<String> TEMPLATE_FIELDS = Set.of("leadId", "templateId", "accountId", "scheduledAt", "campaignId");
    private static final Duration MAX_AHEAD = Duration.ofDays(30);

    private final OutreachWorkerClient worker;
    private final OutreachRelay relay;
    private final ObjectMapper mapper;

    public SendService(@RestClient OutreachWorkerClient worker, OutreachRelay relay, ObjectMapper mapper) {
        this.worker = worker;
        this.relay = relay;
        this.mapper = mapper;
    }

    /** What the client asked for, checked. */
    private record Request(UUID leadId, String text, UUID templateId, UUID accountId, UUID campaignId, Instant scheduledAt) {
    }

    public Uni<MessageView> sendText(AuthenticatedKey key, JsonNode body, String idempotencyKey) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", TEXT_FIELDS, v);
        UUID leadId = uuid(json, "leadId", true, v);
        String text = JsonBody.text(json, "message", "", v);
        if (text == null && !json.hasNonNull("message")) {
            v.add("message", "message is required (the text to send)");
        } else if (text != null && text.isBlank()) {
            v.add("message", "message must not be blank");
        } else if (text != null && text.length() > MAX_TEXT) {
            v.add("message", "message must be at most " + MAX_TEXT + " characters");
        }
        UUID accountId = uuid(json, "accountId", false, v);
        UUID campaignId = uuid(json, "campaignId", false, v);
        v.throwIfAny();
        return send(key, new Request(leadId, text, null, accountId, campaignId, null), idempotencyKey);
    }

    public Uni<MessageView> sendTemplate(AuthenticatedKey key, JsonNode body, String idempotencyKey) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", TEMPLATE_FIELDS, v);
        UUID leadId = uuid(json, "leadId", true, v);
        UUID templateId = uuid(json, "templateId", true, v);
        UUID accountId = uuid(json, "accountId", false, v);
        UUID campaignId = uuid(json, "campaignId", false, v);
        Instant scheduledAt = null;
        String rawScheduledAt = JsonBody.text(json, "scheduledAt", "", v);
        if (rawScheduledAt != null) {
            try {
                scheduledAt = Instant.parse(rawScheduledAt);
                if (scheduledAt.isAfter(Instant.now().plus(MAX_AHEAD))) {
                    v.add("scheduledAt", "scheduledAt must be at most 30 days ahead");
                }
            } catch (DateTimeParseException e) {
                v.add("scheduledAt", "scheduledAt must be an ISO-8601 UTC timestamp, e.g. 2026-11-28T10:00:00Z");
            }
        }
        v.throwIfAny();
        return send(key, new Request(leadId, null, templateId, accountId, campaignId, scheduledAt), idempotencyKey);
    }

    private Uni<MessageView> send(AuthenticatedKey key, Request r, String idempotencyKey) {
        String env = key.environment().apiValue();
        return Panache.withSession(() -> Lead.<Lead>find("id = ?1 and workspaceId = ?2 and environment = ?3", r.leadId(),
                                key.workspaceId(), env).firstResult()
                        .onItem().ifNull().failWith(() -> ApiException.notFound("Lead " + r.leadId() + " not found"))
                        .call(lead -> r.campaignId() == null ? Uni.createFrom().voidItem()
                                : Campaign.count("id = ?1 and workspaceId = ?2 and environment = ?3", r.campaignId(),
                                key.workspaceId(), env).invoke(n -> {
                            if (n == 0) {
                                throw ApiException.notFound("Campaign " + r.campaignId() + " not found");
                            }
                        }))
                        .call(lead -> r.accountId() == null ? Uni.createFrom().voidItem()
                                : WhatsAppAccount.count("id = ?1 and workspaceId = ?2 and environment = ?3", r.accountId(),
                                key.workspaceId(), env).invoke(n -> {
                            if (n == 0) {
                                throw ApiException.notFound("Account " + r.accountId() + " not found");
                            }
                        })))
                .chain(lead -> {
                    if (lead.phone == null || lead.phone.isBlank()) {
                        throw new ApiException(422, "Lead " + lead.id + " has no phone number: it cannot be messaged",
                                List.of(), null);
                    }
                    return relay.call(worker.send(key.workspaceId(), env, forward(key, lead, r, idempotencyKey)))
                            .chain(answer -> record(key, lead, r, answer.body()));
                });
    }

    /** What outreach-worker needs: who, from which campaign and account, what, and the key that makes it once. */
    private ObjectNode forward(AuthenticatedKey key, Lead lead, Request r, String idempotencyKey) {
        ObjectNode out = mapper.createObjectNode();
        out.put("leadId", lead.id.toString());
        out.put("campaignId", (r.campaignId() != null ? r.campaignId() : lead.campaignId).toString());
        out.put("phone", lead.phone);
        if (r.text() != null) {
            out.put("text", r.text());
        }
        if (r.templateId() != null) {
            out.put("templateId", r.templateId().toString());
        }
        if (r.accountId() != null) {
            out.put("accountId", r.accountId().toString());
        }
        if (r.scheduledAt() != null) {
            out.put("scheduledAt", r.scheduledAt().toString());
        }
        // A retry with the client's Idempotency-Key finds the first message; without one every call is new.
        out.put("clientKey", idempotencyKey == null ? UUID.randomUUID().toString() : key.keyId() + ":" + idempotencyKey);
        out.set("lead", variables(lead));
        return out;
    }

    /** The lead's fields templates may name ({{name}}, listing.title…), as lead.captured carries them. */
    private ObjectNode variables(Lead lead) {
        ObjectNode node = mapper.createObjectNode();
        node.put("leadId", lead.id.toString());
        node.put("name", lead.name);
        node.put("phone", lead.phone);
        node.put("email", lead.email);
        node.set("listing", json(lead.listing));
        node.set("attributes", json(lead.attributes));
        return node;
    }

    private JsonNode json(String raw) {
        if (raw == null) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(raw);
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }

    /** The queued message joins the conversation now; outreach-worker's events move it on (same id). */
    private Uni<MessageView> record(AuthenticatedKey key, Lead lead, Request r, JsonNode queued) {
        UUID id = UUID.fromString(queued.path("id").asText());
        return Panache.withTransaction(() -> Message.<Message>findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Message m = new Message();
            m.id = id;
            m.workspaceId = key.workspaceId();
            m.environment = key.environment().apiValue();
            m.leadId = lead.id;
            m.campaignId = UUID.fromString(queued.path("campaignId").asText(lead.campaignId.toString()));
            m.step = 0;
            m.channel = queued.hasNonNull("channel") ? queued.get("channel").asText() : "whatsapp";
            m.direction = Message.OUTBOUND;
            m.status = Message.QUEUED;
            m.body = queued.hasNonNull("body") ? queued.get("body").asText() : r.text();
            Instant now = Instant.now();
            m.createdAt = now;
            m.updatedAt = now;
            return m.<Message>persist();
        })).map(MessageView::of);
    }

    private static UUID uuid(ObjectNode json, String field, boolean required, Violations v) {
        String raw = JsonBody.text(json, field, "", v);
        if (raw == null) {
            if (required && !json.hasNonNull(field)) {
                v.add(field, field + " is required");
            }
            return null;
        }
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        v.add(field, field + " must be a UUID");
        return null;
    }
}
