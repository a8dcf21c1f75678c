package io.hostreach.campaign.api;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of a request, so the client learns all of them in one answer. */
public final class Violations {

    private final List<ApiError.FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new ApiError.FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<ApiError.FieldError> list() {
        return List.copyOf(errors);
    }

    /** A 400 whose message is the first rule broken and whose details list them all. */
    public void throwIfAny() {
        throwIfAny(400);
    }

    public void throwIfAny(int status) {
        if (errors.isEmpty()) {
            return;
        }
        String message = errors.get(0).message();
        if (errors.size() > 1) {
            message = message + " (and " + (errors.size() - 1) + " more, see details)";
        }
        throw new ApiException(status, message, errors, null);
    }
}
