package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Violation;

import java.util.List;

/** The answer of {@code POST /internal/v1/platforms/{platform}/filters/validate}. */
public record FilterValidationResult(boolean valid, List<Violation> errors) {

    static FilterValidationResult of(List<Violation> errors) {
        return new FilterValidationResult(errors.isEmpty(), List.copyOf(errors));
    }
}
