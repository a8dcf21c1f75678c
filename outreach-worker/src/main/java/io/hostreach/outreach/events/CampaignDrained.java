package io.hostreach.outreach.events;

import java.time.Instant;
import java.util.UUID;

/** The data of {@code campaign.drained}: every lead of the campaign has finished its sequence. */
public record CampaignDrained(UUID campaignId, UUID workspaceId, String environment, Instant at) {
}
