package io.hostreach.outreach.send;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to one lead: a sequence step's (unique per lead, campaign and step) or an ad-hoc one sent through
 * the API ({@link #ADHOC}: no step, no sequence effects, made once per client key).
 */
@Entity
@Table(name = "outreach_message")
public class OutreachMessage {

    @Id
    public UUID id;

    public static final String SEQUENCE = "sequence";
    public static final String ADHOC = "adhoc";

    /** Null only for an ad-hoc message to a lead never enrolled. */
    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Column(nullable = false)
    public String kind = SEQUENCE;

    @Column(name = "client_key")
    public String clientKey;

    /** Ad-hoc: the recipient's country (a sequence step reads it from its enrolment). */
    public String region;

    /** Ad-hoc template: language and parameters, rendered when it was queued. */
    @Column(name = "template_language")
    public String templateLanguage;

    @Column(name = "template_parameters")
    public String templateParameters;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String environment;

    @Column(nullable = false)
    public int step;

    @Column(nullable = false)
    public String phone;

    public String channel;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "sender_id")
    public String senderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageStatus status;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "first_claimed_at")
    public Instant firstClaimedAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "previous_provider_message_id")
    public String previousProviderMessageId;

    @Column(name = "wa_id")
    public String waId;

    @Column(name = "template_name")
    public String templateName;

    public String body;

    @Column(name = "error_code")
    public Integer errorCode;

    @Column(name = "error_title")
    public String errorTitle;

    @Column(name = "ecosystem_retried", nullable = false)
    public boolean ecosystemRetried;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** An ad-hoc message: it touches no sequence (no next step, no enrolment ended by its outcome). */
    public boolean adhoc() {
        return ADHOC.equals(kind);
    }

    /** A new PENDING message for a step. */
    public static OutreachMessage pending(UUID enrolmentId, UUID leadId, UUID campaignId, UUID workspaceId,
                                          String environment, int step, String phone, Instant dueAt, Instant now) {
        OutreachMessage m = new OutreachMessage();
        m.id = UUID.randomUUID();
        m.enrolmentId = enrolmentId;
        m.leadId = leadId;
        m.campaignId = campaignId;
        m.workspaceId = workspaceId;
        m.environment = environment;
        m.step = step;
        m.phone = phone;
        m.status = MessageStatus.PENDING;
        m.dueAt = dueAt;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }
}
