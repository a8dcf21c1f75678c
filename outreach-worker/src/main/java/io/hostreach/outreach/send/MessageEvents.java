package io.hostreach.outreach.send;

import io.hostreach.outreach.events.MessageEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the message.* event data from a message row. */
public final class MessageEvents {

    private MessageEvents() {
    }

    public static MessageEvent of(OutreachMessage m, Instant at) {
        return new MessageEvent(m.id, m.leadId, m.campaignId, m.workspaceId, m.environment, m.step, m.channel,
                m.providerMessageId, m.status.eventName(), null, null, false, null, null,
                m.status == MessageStatus.SENT ? m.body : null, at);
    }

    public static MessageEvent failed(OutreachMessage m, Integer code, String title, Instant at) {
        return new MessageEvent(m.id, m.leadId, m.campaignId, m.workspaceId, m.environment, m.step, m.channel,
                m.providerMessageId, MessageStatus.FAILED.eventName(), code, title, false, null, null, null, at);
    }

    /**
     * This attempt failed because its campaign (or every campaign of its account) had to be paused; the
     * message itself waits with the campaign and goes when it is resumed.
     */
    public static MessageEvent paused(OutreachMessage m, Integer code, String title, String reason, List<UUID> pausedCampaigns,
                                      Instant at) {
        return new MessageEvent(m.id, m.leadId, m.campaignId, m.workspaceId, m.environment, m.step, m.channel,
                m.providerMessageId, MessageStatus.FAILED.eventName(), code, title, true, reason, pausedCampaigns, null, at);
    }
}
