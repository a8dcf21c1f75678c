package io.hostreach.outreach.send;

/**
 * A provider's refusal: Meta's {@code error.code} (+ subcode, details), or null {@code code} when there was
 * no Graph error body and only the HTTP status speaks. {@code notSent} marks failures where the request
 * surely never reached the provider (connection refused), which are safe to retry.
 */
public record ProviderError(Integer code, Integer subcode, String title, String details, int httpStatus, boolean notSent) {

    public static ProviderError http(int httpStatus, String title) {
        return new ProviderError(null, null, title, null, httpStatus, false);
    }

    public static ProviderError connection(String title) {
        return new ProviderError(null, null, title, null, 0, true);
    }
}
