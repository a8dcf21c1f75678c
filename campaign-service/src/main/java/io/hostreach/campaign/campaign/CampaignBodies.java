package io.hostreach.campaign.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The request bodies of {@code /campaigns}, for the OpenAPI document only: the resource reads the body as
 * JSON and {@link CampaignService} validates it field by field (so a wrong field gets a 400 naming it), and
 * these records say what that validation accepts.
 */
final class CampaignBodies {

    static final String CREATE_EXAMPLE = """
            {"platform": "idealista", "name": "Valencia — Rent Q3 2026", "mode": "extract_and_contact",
             "contactMode": "whatsapp",
             "segmentation": {"filters": {"operation": "rent", "location": {"id": "0-EU-ES-46", "label": "Valencia"},
                                          "maxPrice": 1200, "privateOnly": true},
                              "expectedResults": 50},
             "settings": {"scheduledHours": "9,14:30", "scheduledDays": "1,2,3,4,5", "timezone": "Europe/Madrid",
                          "dailyCap": 40,
                          "sequence": [{"text": "Hola {{name}}, ¿sigue disponible «{{listing.title}}»?", "delayHours": 0},
                                       {"templateId": "8d0c7a52-5f0e-4c55-8f1a-3c1f3d0b6a21", "delayHours": 48}]}}""";
    static final String UPDATE_EXAMPLE = """
            {"name": "Valencia — Rent Q4 2026", "settings": {"dailyCap": 60}}""";
    static final String STATUS_EXAMPLE = """
            {"status": "running"}""";

    private CampaignBodies() {
    }

    @Schema(name = "CampaignCreate", description = "A new campaign; it is always created in draft.")
    record Create(
            @Schema(required = true, enumeration = {"idealista", "fotocasa", "metrocuadrado", "inmuebles24", "zonaprop",
                    "csv_import", "widget"}) String platform,
            @Schema(description = "1–255 characters after trimming; default \"Untitled Campaign\"", maxLength = 255) String name,
            @Schema(enumeration = {"extract_only", "extract_and_contact"}, defaultValue = "extract_and_contact",
                    description = "Forced to extract_and_contact for widget and csv_import") String mode,
            @Schema(enumeration = {"whatsapp", "whatsapp-no-api"}, defaultValue = "whatsapp") String contactMode,
            Segmentation segmentation,
            Settings settings) {
    }

    @Schema(name = "CampaignUpdate", description = "The fields to change; segmentation and settings merge key by key. "
            + "In draft and paused; while running only name and settings.dailyCap (else 409).")
    record Update(@Schema(maxLength = 255) String name,
                  @Schema(enumeration = {"extract_only", "extract_and_contact"}) String mode,
                  @Schema(enumeration = {"whatsapp", "whatsapp-no-api"}) String contactMode,
                  Segmentation segmentation,
                  Settings settings) {
    }

    @Schema(name = "CampaignStatusChange")
    record StatusChange(@Schema(required = true, enumeration = {"running", "paused", "completed"}) String status) {
    }

    @Schema(name = "CampaignSegmentation", description = "Portals: filters and expectedResults; csv_import: batchSize; "
            + "widget: empty or absent.")
    record Segmentation(
            @Schema(description = "Must validate against GET /platforms/{platform}/filters") Map<String, Object> filters,
            @Schema(minimum = "1", maximum = "5000", defaultValue = "50") Integer expectedResults,
            @Schema(minimum = "1", maximum = "25", description = "csv_import: leads contacted per scheduled run") Integer batchSize) {
    }

    @Schema(name = "CampaignSettings")
    record Settings(
            @Schema(description = "Comma-separated H or H:MM times, 0–23, no duplicates", example = "9,14:30") String scheduledHours,
            @Schema(description = "Comma-separated ISO weekdays, 1 = Monday … 7 = Sunday", example = "1,2,3,4,5") String scheduledDays,
            @Schema(description = "IANA zone; default the workspace's", example = "Europe/Madrid") String timezone,
            @Schema(description = "The WhatsApp account to send from", format = "uuid") String accountId,
            @Schema(minimum = "1", description = "Max first contacts per day") Integer dailyCap,
            List<SequenceStep> sequence) {
    }

    @Schema(name = "CampaignSequenceStep", description = "templateId or text")
    record SequenceStep(@Schema(format = "uuid") String templateId, String text,
                        @Schema(minimum = "0", description = "Hours after the previous step (step 1: the first allowed time)")
                        Integer delayHours) {
    }
}
