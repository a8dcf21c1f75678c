package io.hostreach.campaign.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds error responses in the spec's format. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(int status, String message) {
        return of(status, message, List.of());
    }

    public static Response of(int status, String message, List<ApiError.FieldError> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status, reason(status), message, details))
                .build();
    }

    public static String reason(int status) {
        return switch (status) {
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "Error" : known.getReasonPhrase();
            }
        };
    }
}
