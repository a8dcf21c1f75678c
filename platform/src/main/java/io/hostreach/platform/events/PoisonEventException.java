package io.hostreach.platform.events;

/** An event that can never be processed, however often it is retried: it belongs in the DLQ. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
