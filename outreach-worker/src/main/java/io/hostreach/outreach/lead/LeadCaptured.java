package io.hostreach.outreach.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.PoisonEventException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The data of a {@code lead.captured} event, as outreach needs it; {@code json} keeps the whole data, the
 * source of template variables ({@code name}, {@code listing.title}, {@code attributes.*}...).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadCaptured(UUID leadId, UUID campaignId, UUID workspaceId, String environment, String source,
                           String advertiserType, String name, String phone, String email, JsonNode listing,
                           Instant capturedAt, String json) {

    public static final String PORTAL = "portal";
    public static final String PRIVATE = "private";

    public LeadCaptured withJson(String json) {
        return new LeadCaptured(leadId, campaignId, workspaceId, environment, source, advertiserType, name, phone, email,
                listing, capturedAt, json);
    }

    public boolean fromPortal() {
        return source == null || PORTAL.equals(source);
    }

    /** The lead in a valid envelope; empty for other types on the topic (acknowledged and skipped). */
    public static Optional<Envelope> from(CloudEvent event, ObjectMapper mapper) {
        if (!EventTypes.LEAD_CAPTURED.equals(event.type())) {
            return Optional.empty();
        }
        LeadCaptured lead;
        try {
            lead = mapper.treeToValue(event.data(), LeadCaptured.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("lead event " + event.id() + " has unreadable data: " + e.getMessage(), e);
        }
        List<String> missing = new ArrayList<>();
        if (lead.leadId() == null) {
            missing.add("leadId");
        }
        if (lead.campaignId() == null) {
            missing.add("campaignId");
        }
        if (lead.workspaceId() == null) {
            missing.add("workspaceId");
        }
        if (lead.environment() == null || lead.environment().isBlank()) {
            missing.add("environment");
        }
        if (!missing.isEmpty()) {
            throw new PoisonEventException("lead event " + event.id() + " lacks data." + String.join(", data.", missing));
        }
        return Optional.of(new Envelope(event.id(), event.type(), lead.withJson(event.data().toString())));
    }

    /** The event id (the inbox key) with its lead. */
    public record Envelope(String eventId, String type, LeadCaptured lead) {
    }
}
