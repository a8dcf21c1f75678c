package io.hostreach.outreach.suppression;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A number that must never be contacted again by the workspace (in one environment). */
@Entity
@Table(name = "suppression")
public class Suppression {

    @Embeddable
    public record Key(@Column(name = "workspace_id") UUID workspaceId, String environment, String phone)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public String reason;

    @Column(nullable = false)
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
