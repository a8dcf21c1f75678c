package io.hostreach.outreach.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * This worker's projection of a campaign, rebuilt from campaign events. {@code version} is
 * campaign-service's version, not a lock of ours: it only decides which snapshot is newer.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String environment;

    public String name;

    @Column(nullable = false)
    public String platform;

    @Column(nullable = false)
    public String mode;

    @Column(name = "contact_mode")
    public String contactMode;

    @Column(nullable = false)
    public String status;

    /** JSON text, as campaign-service sent it. */
    @Column(nullable = false)
    public String segmentation;

    /** JSON text, as campaign-service sent it. */
    @Column(nullable = false)
    public String settings;

    public String timezone;

    public String country;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Set by this worker when a provider error must stop the campaign's sends (never by a snapshot). */
    @Column(name = "hold_code")
    public String holdCode;

    @Column(name = "hold_reason")
    public String holdReason;

    @Column(name = "held_at")
    public Instant heldAt;

    /** When campaign.drained was emitted; a new enrolment clears it. */
    @Column(name = "drained_at")
    public Instant drainedAt;

    static Campaign from(CampaignEvent.Snapshot snapshot, Instant receivedAt) {
        Campaign campaign = new Campaign();
        campaign.id = snapshot.id();
        campaign.apply(snapshot, receivedAt);
        return campaign;
    }

    void apply(CampaignEvent.Snapshot snapshot, Instant receivedAt) {
        workspaceId = snapshot.workspaceId();
        environment = snapshot.environment();
        name = snapshot.name();
        platform = snapshot.platform();
        mode = snapshot.mode();
        contactMode = snapshot.contactMode();
        status = snapshot.status();
        segmentation = json(snapshot.segmentation());
        settings = json(snapshot.settings());
        timezone = snapshot.timezone();
        country = snapshot.country();
        version = snapshot.version();
        updatedAt = snapshot.updatedAt();
        this.receivedAt = receivedAt;
    }

    /** Widget campaigns have no segmentation: keep an empty object so readers never meet null. */
    private static String json(JsonNode node) {
        return node == null || node.isNull() ? "{}" : node.toString();
    }
}
