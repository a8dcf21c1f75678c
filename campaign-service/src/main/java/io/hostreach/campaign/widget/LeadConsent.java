package io.hostreach.campaign.widget;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The evidence of a lead's consent: the exact text it agreed to, when, on which page, and a salted SHA-256 of
 * the address it came from (enough to match a complaint, not to locate a person). Erased with the lead.
 */
@Entity
@Table(name = "lead_consent")
public class LeadConsent extends PanacheEntityBase {

    @Id
    @Column(name = "lead_id")
    public UUID leadId;

    /** Where the consent was given: widget. */
    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String text;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    @Column(name = "page_url")
    public String pageUrl;

    @Column(name = "ip_hash", nullable = false)
    public String ipHash;
}
