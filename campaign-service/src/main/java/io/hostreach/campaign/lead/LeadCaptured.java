package io.hostreach.campaign.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.platform.events.PoisonEventException;

import java.time.Instant;
import java.util.UUID;

/** The data of a {@code lead.captured} event (see docs/asyncapi.yaml). */
public record LeadCaptured(UUID leadId, UUID campaignId, UUID workspaceId, String environment, UUID extractionId,
                           String source, String advertiserType, String name, String phone, String email,
                           String portal, String listingId, JsonNode listing, JsonNode attributes, Instant capturedAt) {

    public static LeadCaptured from(JsonNode data) {
        try {
            JsonNode listing = data.get("listing");
            boolean hasListing = listing != null && listing.isObject();
            LeadCaptured captured = new LeadCaptured(
                    UUID.fromString(data.path("leadId").asText()),
                    UUID.fromString(data.path("campaignId").asText()),
                    UUID.fromString(data.path("workspaceId").asText()),
                    required(data, "environment"),
                    data.hasNonNull("extractionId") ? UUID.fromString(data.get("extractionId").asText()) : null,
                    required(data, "source"),
                    data.hasNonNull("advertiserType") ? data.get("advertiserType").asText() : "unknown",
                    text(data, "name"), text(data, "phone"), text(data, "email"),
                    hasListing ? text(listing, "portal") : null,
                    hasListing ? text(listing, "listingId") : null,
                    hasListing ? listing : null,
                    data.hasNonNull("attributes") ? data.get("attributes") : null,
                    data.hasNonNull("capturedAt") ? Instant.parse(data.get("capturedAt").asText()) : Instant.now());
            if (captured.phone == null && captured.listingId == null) {
                throw new PoisonEventException("lead.captured without phone and without listing id");
            }
            return captured;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new PoisonEventException("malformed lead.captured data: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new PoisonEventException("lead.captured without " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
