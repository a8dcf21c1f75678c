package io.hostreach.campaign.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A template as the API shows it. */
@Schema(name = "Template")
public record TemplateView(
        UUID id,
        @Schema(examples = "meta-api", enumeration = {"meta-api", "text"}) String apiType,
        @Schema(examples = "idealista") String platform,
        @Schema(examples = "102290129340398") String wabaId,
        @Schema(examples = "captacion_vendedor_v1") String name,
        @Schema(examples = "MARKETING", enumeration = {"MARKETING", "UTILITY", "AUTHENTICATION"}) String category,
        @Schema(examples = "es_ES") String language,
        @Schema(description = "Meta's component format: exactly one BODY, optional HEADER (TEXT), FOOTER, BUTTONS")
        JsonNode components,
        @Schema(description = "The lead field of each placeholder: variables[0] fills {{1}}", examples = "[\"name\", \"listing.title\"]")
        List<String> variables,
        @Schema(description = "PENDING (in Meta's review), APPROVED, REJECTED, PAUSED, DISABLED, or ERROR (not submitted: "
                + "Meta unreachable or the account's token refused; see statusReason, then POST /templates/{id}/submit). "
                + "Text templates and test-mode templates are APPROVED at once.",
                enumeration = {"PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED", "ERROR"}) String status,
        @Schema(description = "Why: Meta's rejection reason or error, with its code") String statusReason,
        @Schema(description = "The template's id at Meta (meta-api templates Meta accepted for review)") String metaTemplateId,
        Instant statusChangedAt,
        Instant createdAt,
        Instant updatedAt) {
}
