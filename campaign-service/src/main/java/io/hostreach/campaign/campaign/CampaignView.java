package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A campaign as the API shows it. */
@Schema(name = "Campaign")
public record CampaignView(
        UUID id,
        @Schema(examples = "Valencia — Rent Q3 2026") String name,
        @Schema(enumeration = {"idealista", "fotocasa", "metrocuadrado", "inmuebles24", "zonaprop", "csv_import", "widget"})
        String platform,
        @Schema(enumeration = {"extract_only", "extract_and_contact"}) String mode,
        @Schema(enumeration = {"whatsapp", "whatsapp-no-api"}) String contactMode,
        @Schema(enumeration = {"draft", "running", "paused", "completed"}) String status,
        JsonNode segmentation,
        JsonNode settings,
        @Schema(enumeration = {"live", "test"}) String environment,
        Instant createdAt,
        Instant updatedAt,
        Instant startedAt,
        Instant pausedAt,
        @Schema(description = "Why the system paused the campaign (e.g. a WhatsApp quality or token error); null when a "
                + "user paused it. Fix the cause, then set it running again.") String pausedReason,
        Instant completedAt,
        Stats stats) {

    /** Lead counts of the campaign. */
    @Schema(name = "CampaignLeadCounts")
    public record Stats(long leads, long contacted, long replied, long failed, long optedOut) {
        public static final Stats NONE = new Stats(0, 0, 0, 0, 0);
    }
}
