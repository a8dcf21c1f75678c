package io.hostreach.outreach.suppression;

/** The body of {@code POST …/suppressions}: a number (any format with its country code) and why. */
public record SuppressionRequest(String phone, String reason) {
}
