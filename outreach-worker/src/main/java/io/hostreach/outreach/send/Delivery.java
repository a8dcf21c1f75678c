package io.hostreach.outreach.send;

import java.time.Instant;

/**
 * A prepared message and what its channel answered: {@code sentAt} is when the request was handed to the
 * provider (after the throughput gate), {@code answeredAt} when the answer came.
 */
public record Delivery(SendClaimer.Prepared prepared, SendResult result, Instant sentAt, Instant answeredAt) {
}
