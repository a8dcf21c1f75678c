package io.hostreach.outreach.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The 24-hour customer service window between a business number and a user: opened and refreshed only by
 * the user's own messages. Inside it free text may be sent; outside only approved templates.
 */
@Entity
@Table(name = "conversation_window")
public class ConversationWindow {

    public static final Duration LENGTH = Duration.ofHours(24);

    @Embeddable
    public record Key(@Column(name = "sender_id") String senderId, String phone) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "last_inbound_at", nullable = false)
    public Instant lastInboundAt;

    public boolean isOpenAt(Instant when) {
        return lastInboundAt != null && when.isBefore(lastInboundAt.plus(LENGTH));
    }
}
