package io.hostreach.campaign.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign. Enumerated fields hold their public API values; segmentation and settings hold the
 * validated JSON objects. {@code version} is the optimistic lock and travels in every campaign event
 * so consumers can ignore stale snapshots.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String environment;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String platform;

    @Column(nullable = false)
    public String mode;

    @Column(name = "contact_mode", nullable = false)
    public String contactMode;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String segmentation;

    @Column(nullable = false)
    public String settings;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "paused_at")
    public Instant pausedAt;

    /** Why the system paused it (a WhatsApp error outreach-worker could not send past); null when a user did. */
    @Column(name = "paused_reason")
    public String pausedReason;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
