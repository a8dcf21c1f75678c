package io.hostreach.campaign.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.platform.events.PoisonEventException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The data of an outreach event (message.*, lead.replied, lead.opted-out), as docs/asyncapi.yaml defines it.
 * {@code at} is null for the types on the topic that have none (task.created has a dueAt): they are read and
 * ignored, not dead-lettered.
 */
public record OutreachReport(UUID messageId, UUID leadId, UUID campaignId, UUID workspaceId, String environment,
                             Integer step, String channel, String providerMessageId, String status, Integer errorCode,
                             String errorTitle, String text, Instant at, boolean campaignPaused, String reason,
                             List<UUID> pausedCampaignIds) {

    public static OutreachReport from(JsonNode d) {
        try {
            return new OutreachReport(uuid(d, "messageId"), uuid(d, "leadId"), uuid(d, "campaignId"),
                    UUID.fromString(d.path("workspaceId").asText()), d.path("environment").asText(),
                    d.hasNonNull("step") ? d.get("step").asInt() : null, text(d, "channel"),
                    text(d, "providerMessageId"), text(d, "status"),
                    d.hasNonNull("errorCode") ? d.get("errorCode").asInt() : null, text(d, "errorTitle"),
                    text(d, "text"), d.hasNonNull("at") ? Instant.parse(d.get("at").asText()) : null,
                    d.path("campaignPaused").asBoolean(false), text(d, "reason"), uuids(d.path("pausedCampaignIds")));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new PoisonEventException("malformed outreach event data: " + e.getMessage(), e);
        }
    }

    private static List<UUID> uuids(JsonNode array) {
        List<UUID> ids = new ArrayList<>();
        array.forEach(id -> ids.add(UUID.fromString(id.asText())));
        return ids;
    }

    private static UUID uuid(JsonNode d, String field) {
        return d.hasNonNull(field) ? UUID.fromString(d.get(field).asText()) : null;
    }

    private static String text(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }
}
