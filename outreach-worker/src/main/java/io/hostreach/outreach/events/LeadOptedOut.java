package io.hostreach.outreach.events;

import java.time.Instant;
import java.util.UUID;

/** The data of {@code lead.opted-out}: the number is on the workspace's suppression list from now on. */
public record LeadOptedOut(UUID leadId, UUID campaignId, UUID workspaceId, String environment, String phone,
                           String reason, Instant at) {
}
