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

    @Column(name = "widget_key", nullable = false, unique = true)
    public String widgetKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
