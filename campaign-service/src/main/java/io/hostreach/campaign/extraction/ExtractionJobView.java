package io.hostreach.campaign.extraction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An extraction job as the API shows it. */
@Schema(name = "Extraction")
public record ExtractionJobView(UUID id, UUID campaignId, String platform,
                                @Schema(enumeration = {"QUEUED", "RUNNING", "COMPLETED", "FAILED"}) String status,
                                int expectedResults, int found, int created, int duplicates, int skippedProfessional,
                                int pages, Instant requestedAt, Instant startedAt, Instant finishedAt, String error) {

    public static ExtractionJobView of(ExtractionJob job) {
        return new ExtractionJobView(job.id, job.campaignId, job.platform, job.status, job.expectedResults, job.found,
                job.created, job.duplicates, job.skippedProfessional, job.pages, job.requestedAt, job.startedAt,
                job.finishedAt, job.error);
    }
}
