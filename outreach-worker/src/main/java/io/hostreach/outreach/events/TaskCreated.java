package io.hostreach.outreach.events;

import java.time.Instant;
import java.util.UUID;

/** The data of {@code task.created}: a manual-mode message for a human to send through the link. */
public record TaskCreated(UUID taskId, UUID leadId, UUID campaignId, UUID workspaceId, String environment, int step,
                          String text, String link, Instant dueAt) {
}
