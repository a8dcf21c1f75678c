package io.hostreach.extraction.fetch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A workspace's own fetch route; the provider API key is stored only encrypted. */
@Entity
@Table(name = "workspace_fetch_route")
public class WorkspaceFetchRoute {

    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;

    @Column(nullable = false)
    public String mode;

    @Column(name = "url_template")
    public String urlTemplate;

    @Column(name = "api_key_header")
    public String apiKeyHeader;

    @Column(name = "api_key_cipher")
    public String apiKeyCipher;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
