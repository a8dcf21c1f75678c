package io.hostreach.campaign.compliance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One declaration of the lawful basis a workspace relies on; never updated, so the history is the audit. */
@Entity
@Table(name = "lawful_basis_attestation")
public class LawfulBasisAttestation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String environment;

    @Column(nullable = false)
    public String basis;

    @Column(nullable = false)
    public String statement;

    @Column(name = "attested_by", nullable = false)
    public String attestedBy;

    @Column(name = "api_key_id", nullable = false)
    public UUID apiKeyId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
