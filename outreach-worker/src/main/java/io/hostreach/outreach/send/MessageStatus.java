package io.hostreach.outreach.send;

import java.util.Locale;

/**
 * The life of one step's message. PENDING → SENDING is committed before the provider is called; the
 * provider's answer moves it on. Delivery statuses only move forward (SENT < DELIVERED < READ); FAILED,
 * CANCELLED and SKIPPED are final; UNKNOWN waits for a status webhook (or a human), never for a resend.
 */
public enum MessageStatus {
    PENDING, SENDING, UNKNOWN, SENT, DELIVERED, READ, FAILED, CANCELLED, TASK_OPEN, SKIPPED;

    /** The order of delivery statuses; 0 for the others. */
    public int deliveryRank() {
        return switch (this) {
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            default -> 0;
        };
    }

    /** The provider may have the message, but we did not learn it accepted it. */
    public boolean awaitsProvider() {
        return this == SENDING || this == UNKNOWN;
    }

    /** As message events name it (sent, delivered, read, failed). */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
