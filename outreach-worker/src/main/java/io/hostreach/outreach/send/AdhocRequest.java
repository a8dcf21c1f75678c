package io.hostreach.outreach.send;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /internal/v1/workspaces/{ws}/messages}: an ad-hoc message to one lead, free
 * {@code text} or a {@code templateId}, from the lead's campaign; {@code clientKey} makes it once; {@code lead}
 * carries the fields a template may name (as lead.captured does).
 */
public record AdhocRequest(String leadId, String campaignId, String phone, String text, String templateId, String accountId,
                           String scheduledAt, String clientKey, JsonNode lead) {
}
