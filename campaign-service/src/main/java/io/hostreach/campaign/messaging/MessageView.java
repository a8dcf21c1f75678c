package io.hostreach.campaign.messaging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A message of a conversation. {@code direction}: outbound (ours) or inbound (the lead's reply). {@code status}:
 * queued, sent, delivered, read or failed for outbound; received for inbound. {@code errorCode}/{@code errorTitle}
 * say why a message failed (WhatsApp's code where there is one).
 */
@Schema(name = "Message")
public record MessageView(UUID id, UUID leadId, UUID campaignId, String direction, String channel, int step, String status,
                          String text, Integer errorCode, String errorTitle, Instant createdAt, Instant sentAt,
                          Instant deliveredAt, Instant readAt, Instant failedAt) {

    static MessageView of(Message m) {
        return new MessageView(m.id, m.leadId, m.campaignId, m.direction, m.channel, m.step, m.status, m.body, m.errorCode,
                m.errorTitle, m.createdAt, m.sentAt, m.deliveredAt, m.readAt, m.failedAt);
    }
}
