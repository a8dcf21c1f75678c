package io.hostreach.campaign.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The one error body of the public API: {@code {statusCode, error, message, details?}}. */
@Schema(name = "Error", description = "Every error answer of the API")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
        @Schema(examples = "400") int statusCode,
        @Schema(examples = "Bad Request") String error,
        @Schema(examples = "segmentation.batchSize must be between 1 and 25") String message,
        List<FieldError> details) {

    /** One failed rule, when several fail at once. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
