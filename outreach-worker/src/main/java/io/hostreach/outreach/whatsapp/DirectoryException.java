package io.hostreach.outreach.whatsapp;

/** campaign-service could not give an account or template: gone for good ({@code notFound}) or for now. */
public class DirectoryException extends RuntimeException {

    private final boolean notFound;

    public DirectoryException(String message, boolean notFound, Throwable cause) {
        super(message, cause);
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }
}
