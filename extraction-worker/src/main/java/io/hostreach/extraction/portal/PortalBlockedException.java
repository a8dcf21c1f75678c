package io.hostreach.extraction.portal;

/** The portal answered with a block, captcha or anti-bot page: the run must fail loudly, not save nothing. */
public class PortalBlockedException extends RuntimeException {
    public PortalBlockedException(String message) {
        super(message);
    }
}
