package io.hostreach.extraction.fetch;

/** The portal could not be reached (connection errors, timeouts), even after the bounded retries. */
public class PortalUnavailableException extends RuntimeException {
    public PortalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
