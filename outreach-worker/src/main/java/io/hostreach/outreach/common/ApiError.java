package io.hostreach.outreach.common;

import jakarta.ws.rs.core.Response;

/** The error body of every hostreach HTTP API: {@code {"statusCode", "error", "message"}}. */
public record ApiError(int statusCode, String error, String message) {

    public static ApiError of(int statusCode, String message) {
        Response.Status status = Response.Status.fromStatusCode(statusCode);
        return new ApiError(statusCode, status == null ? "Error" : status.getReasonPhrase(), message);
    }
}
