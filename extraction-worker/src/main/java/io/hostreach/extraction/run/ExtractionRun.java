package io.hostreach.extraction.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One extraction of a campaign; its id is campaign-service's extraction job id. */
@Entity
@Table(name = "extraction_run")
public class ExtractionRun {

    @Id
    @Column(name = "extraction_id")
    public UUID extractionId;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;

    static ExtractionRun queued(UUID extractionId, UUID campaignId, Instant requestedAt) {
        ExtractionRun run = new ExtractionRun();
        run.extractionId = extractionId;
        run.campaignId = campaignId;
        run.status = RunStatus.QUEUED;
        run.requestedAt = requestedAt;
        return run;
    }
}
