package io.hostreach.campaign.messaging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The request bodies of {@code /messaging} and {@code /suppressions}, as the OpenAPI document shows them (bodies are read as trees). */
public final class MessagingBodies {

    private MessagingBodies() {
    }

    @Schema(name = "SendMessageRequest", additionalProperties = Schema.False.class)
    public record Send(@Schema(required = true) UUID leadId,
                       @Schema(required = true, maxLength = 4096, description = "Free text; only inside the lead's 24-hour window") String message,
                       @Schema(description = "Must be the account of the campaign the message goes from") UUID accountId,
                       @Schema(description = "Default: the lead's campaign") UUID campaignId) {
    }

    @Schema(name = "SendTemplateRequest", additionalProperties = Schema.False.class)
    public record SendTemplate(@Schema(required = true) UUID leadId,
                               @Schema(required = true) UUID templateId,
                               @Schema(description = "Must be the account of the campaign the message goes from") UUID accountId,
                               @Schema(description = "Not before this moment (at most 30 days ahead)") Instant scheduledAt,
                               @Schema(description = "Default: the lead's campaign") UUID campaignId) {
    }

    @Schema(name = "TaskCompletionRequest", additionalProperties = Schema.False.class)
    public record TaskCompletion(@Schema(required = true, enumeration = {"sent", "skipped", "replied"}) String outcome) {
    }

    @Schema(name = "SuppressionRequest", additionalProperties = Schema.False.class)
    public record Suppression(@Schema(required = true, description = "Any usual format; without + it is read in the workspace's country")
                              String phone,
                              @Schema(maxLength = 255) String reason) {
    }
}
