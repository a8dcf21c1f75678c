package io.hostreach.campaign.api;

import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * A client error with its status and one human sentence; thrown anywhere, answered in the spec's
 * error format by {@link ErrorMappers}. Never carries a stack trace to the client.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final List<ApiError.FieldError> details;
    private final Long retryAfterSeconds;

    public ApiException(Response.Status status, String message) {
        this(status.getStatusCode(), message, List.of(), null);
    }

    public ApiException(int status, String message, List<ApiError.FieldError> details, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Response.Status.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Response.Status.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(Response.Status.CONFLICT, message);
    }

    public static ApiException conflict(String message, List<ApiError.FieldError> details) {
        return new ApiException(409, message, details, null);
    }

    public int status() {
        return status;
    }

    public List<ApiError.FieldError> details() {
        return details;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
