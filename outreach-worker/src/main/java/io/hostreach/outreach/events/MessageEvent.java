package io.hostreach.outreach.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code message.sent|delivered|read|failed} (docs/asyncapi.yaml, MessageEvent); {@code status}
 * is sent, delivered, read or failed. When a provider error pauses sending, {@code campaignPaused} is true,
 * {@code reason} says why in one sentence and {@code pausedCampaignIds} names every campaign held (all the
 * account's campaigns for a number- or token-level error). {@code text} is what the lead reads, on message.sent
 * only (conversations show it).
 */
public record MessageEvent(UUID messageId, UUID leadId, UUID campaignId, UUID workspaceId, String environment, int step,
                           String channel, String providerMessageId, String status, Integer errorCode, String errorTitle,
                           boolean campaignPaused, String reason, List<UUID> pausedCampaignIds, String text, Instant at) {
}
