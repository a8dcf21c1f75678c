package io.hostreach.outreach.send;

import java.time.Instant;
import java.util.UUID;

/** A message of the send log as the internal API shows it (no secrets live on it). */
public record MessageView(UUID id, UUID leadId, UUID campaignId, UUID workspaceId, String environment, int step, String phone,
                          String channel, String status, int attempts, Instant dueAt, Instant sentAt, Instant deliveredAt,
                          Instant readAt, Instant failedAt, String providerMessageId, Integer errorCode, String errorTitle,
                          String body) {

    static MessageView of(OutreachMessage m) {
        return new MessageView(m.id, m.leadId, m.campaignId, m.workspaceId, m.environment, m.step, m.phone, m.channel,
                m.status.name(), m.attempts, m.dueAt, m.sentAt, m.deliveredAt, m.readAt, m.failedAt, m.providerMessageId,
                m.errorCode, m.errorTitle, m.body);
    }
}
