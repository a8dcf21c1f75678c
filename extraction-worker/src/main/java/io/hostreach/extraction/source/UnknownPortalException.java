package io.hostreach.extraction.source;

/** The campaign's platform cannot be extracted from (not a portal, or a portal this worker cannot reach). */
public class UnknownPortalException extends RuntimeException {
    public UnknownPortalException(String message) {
        super(message);
    }
}
