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

    /** start, schedule or execute: why the run exists (reported on every extraction event). */
    @Column(nullable = false)
    public String trigger;

    /** New leads the run aims for, fixed when it first starts (a later campaign update does not move it). */
    @Column(name = "expected_results")
    public Integer expectedResults;

    /** The page cursor: the next page to read; a resumed run continues here. */
    @Column(name = "next_page", nullable = false)
    public int nextPage = 1;

    public int found;
    public int created;
    public int duplicates;

    @Column(name = "skipped_professional")
    public int skippedProfessional;

    @Column(name = "skipped_agency_refusal")
    public int skippedAgencyRefusal;

    @Column(name = "skipped_no_phone")
    public int skippedNoPhone;

    public int pages;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    /** How often the run was taken over after its replica lost the lease (died, hung). */
    public int recoveries;

    /** The schedule slot of a {@code schedule} run. */
    @Column(name = "slot_at")
    public Instant slotAt;

    /** The campaign's segmentation (JSON) when the run first started: its search, kept across pauses. */
    public String segmentation;

    static ExtractionRun queued(UUID extractionId, UUID campaignId, Instant requestedAt, RunTrigger trigger) {
        ExtractionRun run = new ExtractionRun();
        run.extractionId = extractionId;
        run.campaignId = campaignId;
        run.status = RunStatus.QUEUED;
        run.requestedAt = requestedAt;
        run.trigger = trigger.apiValue();
        return run;
    }
}
