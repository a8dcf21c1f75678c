package io.hostreach.campaign.lead;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A lead: a private seller or landlord (or a widget/CSV contact), unique per workspace and environment. */
@Entity
@Table(name = "lead")
public class Lead extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String environment;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "extraction_id")
    public UUID extractionId;

    /** portal, csv or widget. */
    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String status;

    public String name;
    public String phone;
    public String email;

    @Column(name = "advertiser_type", nullable = false)
    public String advertiserType;

    public String portal;

    @Column(name = "listing_id")
    public String listingId;

    /** The normalised listing, as JSON. */
    public String listing;

    /** Free attributes (CSV columns, widget message), as JSON. */
    public String attributes;

    @Column(name = "captured_count", nullable = false)
    public int capturedCount;

    @Column(name = "last_contacted_at")
    public Instant lastContactedAt;

    @Column(name = "replied_at")
    public Instant repliedAt;

    @Column(name = "opted_out_at")
    public Instant optedOutAt;

    /** When the lead went out in a leads.imported webhook batch. */
    @Column(name = "announced_at")
    public Instant announcedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
