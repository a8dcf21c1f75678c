package io.hostreach.outreach.send;

/** What a provider said to one send. */
public sealed interface SendResult {

    /** Accepted (not delivered): the provider's message id, and the recipient's WhatsApp id if it told us. */
    record Accepted(String providerMessageId, String waId) implements SendResult {
    }

    /** Refused: the error says whether to retry, suppress, pause... (see ErrorPolicy). */
    record Rejected(ProviderError error) implements SendResult {
    }

    /** We cannot tell whether the provider took it (timeout, connection lost after writing): never resend blindly. */
    record Unknown(String reason) implements SendResult {
    }
}
