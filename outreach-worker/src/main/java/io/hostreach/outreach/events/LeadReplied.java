package io.hostreach.outreach.events;

import java.time.Instant;
import java.util.UUID;

/** The data of {@code lead.replied}: an inbound message (or a manual task completed as replied). */
public record LeadReplied(UUID leadId, UUID campaignId, UUID workspaceId, String environment, String text, Instant at) {
}
