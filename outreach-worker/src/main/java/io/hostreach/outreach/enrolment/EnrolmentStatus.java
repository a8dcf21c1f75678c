package io.hostreach.outreach.enrolment;

/** Where a lead stands in a campaign's sequence. Every status but WAITING and ACTIVE is final. */
public enum EnrolmentStatus {
    /** Captured before this worker knew the campaign: decided when the campaign arrives. */
    WAITING,
    /** In the sequence: a step is pending, being sent, or waits for its delay. */
    ACTIVE,
    /** Every step was sent. */
    COMPLETED,
    REPLIED,
    OPTED_OUT,
    /** The number went on the suppression list (another lead's opt-out, an operator). */
    SUPPRESSED,
    /** A permanent error (not on WhatsApp, template refused...). */
    FAILED,
    /** The campaign was completed before the sequence ended. */
    CANCELLED,
    /** Never enrolled: {@code end_reason} says why. */
    SKIPPED;

    public boolean isFinished() {
        return this != WAITING && this != ACTIVE;
    }
}
