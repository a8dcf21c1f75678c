package io.hostreach.campaign.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The first answer to a POST carrying an Idempotency-Key, kept so a retry gets it again. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "api_key_id")
        public UUID apiKeyId;

        @Column(name = "idempotency_key")
        public String idempotencyKey;

        public Key() {
        }

        public Key(UUID apiKeyId, String idempotencyKey) {
            this.apiKeyId = apiKeyId;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(apiKeyId, other.apiKeyId)
                    && Objects.equals(idempotencyKey, other.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(apiKeyId, idempotencyKey);
        }
    }
}
