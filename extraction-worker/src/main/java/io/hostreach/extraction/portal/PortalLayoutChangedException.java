package io.hostreach.extraction.portal;

/** The page is not in the structure the adapter knows: the portal changed, and the adapter must be fixed. */
public class PortalLayoutChangedException extends RuntimeException {
    public PortalLayoutChangedException(String message) {
        super(message);
    }

    public PortalLayoutChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}
