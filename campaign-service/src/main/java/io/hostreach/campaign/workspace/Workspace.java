package io.hostreach.campaign.workspace;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A customer agency: owns API keys, campaigns and everything under them. */
@Entity
@Table(name = "workspace")
public class Workspace extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** IANA zone used when a campaign does not set its own. */
    @Column(nullable = false)
    public String timezone;

    /** ISO 3166-1 alpha-2, the default region of phone numbers without a country code. */
    @Column(nullable = false)
    public String country;

    /** The public, non-secret key of the website widget ({@code wk_…}); rotating it retires the old one at once. */
    @Column(name = "widget_key", nullable = false, unique = true)
    public String widgetKey;

    /** JSON array of the origins (scheme://host[:port]) allowed to post to the widget intake. */
    @Column(name = "widget_allowed_origins", nullable = false)
    public String widgetAllowedOrigins = "[]";

    /** The consent sentence the widget shows and each widget lead's consent records; null = the default. */
    @Column(name = "widget_consent_text")
    public String widgetConsentText;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
