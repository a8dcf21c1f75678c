package io.hostreach.campaign.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message as outreach-worker reported it; its status only moves forward (sent < delivered < read; failed ends). */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    static final List<String> ORDER = List.of("sent", "delivered", "read");

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String environment;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(nullable = false)
    public int step;

    @Column(nullable = false)
    public String channel;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(nullable = false)
    public String status;

    @Column(name = "error_code")
    public Integer errorCode;

    @Column(name = "error_title")
    public String errorTitle;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** {@code outbound} (ours) or {@code inbound} (the lead's reply, status {@code received}). */
    @Column(nullable = false)
    public String direction = OUTBOUND;

    /** The text, where it is known: free text we sent, a rendered template, a reply. */
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static final String OUTBOUND = "outbound";
    public static final String INBOUND = "inbound";
    /** Accepted by outreach-worker, not sent yet (an ad-hoc send through the API). */
    public static final String QUEUED = "queued";
    public static final String RECEIVED = "received";

    /** Whether {@code next} is a step forward from the current status. */
    boolean advancesTo(String next) {
        if ("failed".equals(status)) {
            return false;
        }
        if (QUEUED.equals(status)) {
            return true;
        }
        if ("failed".equals(next)) {
            return true;
        }
        return ORDER.indexOf(next) > ORDER.indexOf(status);
    }
}
