package io.hostreach.outreach.campaign;

import java.time.Duration;

/**
 * One step of a campaign's sequence: an approved template ({@code templateId}) or a free text, sent
 * {@code delayHours} after the previous step was sent (step 1: at the first allowed moment).
 */
public record SequenceStep(int number, String templateId, String text, double delayHours) {

    public Duration delay() {
        return Duration.ofMillis(Math.round(Math.max(0, delayHours) * 3_600_000d));
    }

    public boolean isTemplate() {
        return templateId != null && !templateId.isBlank();
    }
}
