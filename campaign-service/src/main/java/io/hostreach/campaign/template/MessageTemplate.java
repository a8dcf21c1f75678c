package io.hostreach.campaign.template;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A message template of a workspace and environment. {@code components} and {@code variables} hold the
 * validated JSON arrays; {@code variables[i]} is the lead field that fills {{i+1}}. A Meta template carries
 * the id and review status Meta gave it; a text template is never submitted and is usable at once.
 */
@Entity
@Table(name = "message_template")
public class MessageTemplate extends PanacheEntityBase {

    public static final String META_API = "meta-api";
    public static final String TEXT = "text";

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String environment;

    @Column(name = "api_type", nullable = false)
    public String apiType;

    public String platform;

    @Column(name = "waba_id")
    public String wabaId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String components;

    @Column(nullable = false)
    public String variables;

    @Column(name = "meta_template_id")
    public String metaTemplateId;

    /** PENDING, APPROVED, REJECTED, PAUSED, DISABLED, or ERROR (Meta could not be reached). */
    @Column(nullable = false)
    public String status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** Meta's time of the last status webhook applied (out-of-order webhooks older than it are ignored). */
    @Column(name = "meta_status_at")
    public Instant metaStatusAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isMeta() {
        return META_API.equals(apiType);
    }
}
