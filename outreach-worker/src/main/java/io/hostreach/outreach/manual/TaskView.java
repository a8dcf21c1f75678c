package io.hostreach.outreach.manual;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A manual task as the internal API shows it. */
public record TaskView(UUID id, UUID leadId, UUID campaignId, UUID workspaceId, String environment, int step, String phone,
                       String text, String link, Instant dueAt, String status, String outcome, Instant createdAt,
                       Instant completedAt) {

    static TaskView of(ManualTask t) {
        return new TaskView(t.id, t.leadId, t.campaignId, t.workspaceId, t.environment, t.step, t.phone, t.text, t.link,
                t.dueAt, t.status.toLowerCase(Locale.ROOT), t.outcome, t.createdAt, t.completedAt);
    }
}
