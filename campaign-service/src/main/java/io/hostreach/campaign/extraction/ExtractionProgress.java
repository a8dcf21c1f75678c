package io.hostreach.campaign.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.platform.events.PoisonEventException;

import java.time.Instant;
import java.util.UUID;

/** The data of an {@code extraction.started|completed|failed} event. */
public record ExtractionProgress(UUID extractionId, UUID campaignId, UUID workspaceId, String environment,
                                 String platform, String status, String trigger, int expectedResults, int found,
                                 int created, int duplicates, int skippedProfessional, int skippedAgencyRefusal,
                                 int skippedNoPhone, int pages, Instant startedAt, Instant finishedAt, String error) {

    public static ExtractionProgress from(JsonNode d) {
        try {
            String status = d.path("status").asText();
            if (!java.util.List.of(ExtractionJob.RUNNING, ExtractionJob.COMPLETED, ExtractionJob.FAILED).contains(status)) {
                throw new PoisonEventException("extraction event with status '" + status + "'");
            }
            return new ExtractionProgress(UUID.fromString(d.path("extractionId").asText()),
                    UUID.fromString(d.path("campaignId").asText()), UUID.fromString(d.path("workspaceId").asText()),
                    d.path("environment").asText(), d.path("platform").asText(), status,
                    d.path("trigger").asText("execute"), d.path("expectedResults").asInt(), d.path("found").asInt(),
                    d.path("created").asInt(), d.path("duplicates").asInt(), d.path("skippedProfessional").asInt(),
                    d.path("skippedAgencyRefusal").asInt(), d.path("skippedNoPhone").asInt(), d.path("pages").asInt(),
                    instant(d, "startedAt"), instant(d, "finishedAt"),
                    d.hasNonNull("error") ? d.get("error").asText() : null);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new PoisonEventException("malformed extraction event data: " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonNode d, String field) {
        return d.hasNonNull(field) ? Instant.parse(d.get(field).asText()) : null;
    }
}
