package io.hostreach.campaign.extraction;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An extraction run as campaign-service knows it: requested here, progressed by extraction-worker's events. */
@Entity
@Table(name = "extraction_job")
public class ExtractionJob extends PanacheEntityBase {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String environment;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(nullable = false)
    public String platform;

    @Column(nullable = false)
    public String status;

    @Column(name = "expected_results", nullable = false)
    public int expectedResults;

    public int found;
    public int created;
    public int duplicates;

    @Column(name = "skipped_professional")
    public int skippedProfessional;

    public int pages;

    /** start, schedule or execute: what made the run happen. */
    @Column(nullable = false)
    public String trigger = "execute";

    @Column(name = "skipped_agency_refusal")
    public int skippedAgencyRefusal;

    @Column(name = "skipped_no_phone")
    public int skippedNoPhone;
    public String error;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
