package io.hostreach.outreach.manual;

/** The body of {@code POST /internal/v1/tasks/{id}/complete}: {@code sent | skipped | replied}. */
public record TaskCompletion(String outcome) {
}
