package io.hostreach.outreach.send;

/** The body of {@code POST /internal/v1/messages/{id}/resolve}: what a human found out about an UNKNOWN message. */
public record Resolution(String outcome) {
    public static final String SENT = "sent";
    public static final String NOT_SENT = "not_sent";
}
