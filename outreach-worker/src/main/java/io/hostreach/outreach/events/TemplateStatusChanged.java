package io.hostreach.outreach.events;

import java.time.Instant;

/**
 * The data of {@code template.status-changed}: Meta's review of a message template, as its webhook said it.
 * {@code status} is Meta's event (APPROVED, REJECTED, PAUSED, DISABLED, PENDING, FLAGGED, REINSTATED…);
 * {@code reason} its reason ({@code NONE} when it gives none), {@code occurredAt} the webhook's entry time.
 */
public record TemplateStatusChanged(String wabaId, String metaTemplateId, String name, String language, String status,
                                    String reason, Instant occurredAt) {
}
