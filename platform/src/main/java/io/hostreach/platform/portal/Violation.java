package io.hostreach.platform.portal;

/** One broken filter rule: the field's full path and one human sentence naming it and the rule. */
public record Violation(String field, String message) {
}
