package io.hostreach.campaign.lead;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A lead as the API shows it. */
@Schema(name = "Lead")
public record LeadView(UUID id, UUID campaignId, UUID extractionId,
                       @Schema(enumeration = {"portal", "csv", "widget"}) String source,
                       String status, String name,
                       @Schema(description = "E.164", examples = "+34612345678") String phone,
                       String email,
                       @Schema(enumeration = {"private", "professional", "unknown"}) String advertiserType,
                       JsonNode listing, JsonNode attributes, Instant lastContactedAt, Instant repliedAt,
                       Instant createdAt, Instant updatedAt) {
}
