package io.hostreach.outreach.manual;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message for a human to send from their own WhatsApp: the text and a click-to-chat link. */
@Entity
@Table(name = "manual_task")
public class ManualTask {

    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

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

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public String link;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public String status;

    public String outcome;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
