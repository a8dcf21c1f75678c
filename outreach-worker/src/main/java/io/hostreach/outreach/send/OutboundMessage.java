package io.hostreach.outreach.send;

import io.hostreach.outreach.whatsapp.Account;

import java.util.List;
import java.util.UUID;

/**
 * A message ready for a channel: recipient, rendered content and the account to send it from (null for the
 * sandbox). {@code messageId} travels as {@code biz_opaque_callback_data}.
 */
public record OutboundMessage(UUID messageId, String channel, String to, String senderId, Content content, Account account) {

    /** The recipient as digits (country code and number), the form WhatsApp and wa.me use. */
    public String toDigits() {
        return to.startsWith("+") ? to.substring(1) : to;
    }

    public sealed interface Content {
        /** What the recipient reads. */
        String text();
    }

    /** An approved Meta template with its positional body parameters. */
    public record TemplateContent(String name, String language, List<String> parameters, String text) implements Content {
    }

    /** Free text: only inside the 24-hour window on the Cloud API; the normal case for Evolution and manual tasks. */
    public record TextContent(String text) implements Content {
    }
}
