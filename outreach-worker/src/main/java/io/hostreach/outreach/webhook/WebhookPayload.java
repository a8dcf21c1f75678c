package io.hostreach.outreach.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A WhatsApp Business Account webhook ({@code object: whatsapp_business_account}) as Meta sends it:
 * {@code entry[].changes[].value} holds {@code statuses[]} (our messages' fate) or {@code messages[]}
 * (what users wrote), with the business number in {@code metadata}; a change of field
 * {@code message_template_status_update} holds a template's review instead ({@code entry[].id} is then the WABA).
 * Unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookPayload(String object, List<Entry> entry) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, Long time, List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String field, Value value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(@JsonProperty("messaging_product") String messagingProduct, Metadata metadata,
                        List<Contact> contacts, List<Inbound> messages, List<Status> statuses, List<ErrorItem> errors,
                        // field message_template_status_update: Meta reviewed, paused or disabled a template
                        String event, @JsonProperty("message_template_id") String messageTemplateId,
                        @JsonProperty("message_template_name") String messageTemplateName,
                        @JsonProperty("message_template_language") String messageTemplateLanguage, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(@JsonProperty("display_phone_number") String displayPhoneNumber,
                           @JsonProperty("phone_number_id") String phoneNumberId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(@JsonProperty("wa_id") String waId, Profile profile) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String id, String status, String timestamp, @JsonProperty("recipient_id") String recipientId,
                         @JsonProperty("biz_opaque_callback_data") String bizOpaqueCallbackData, List<ErrorItem> errors) {

        public Instant at(Instant fallback) {
            return WebhookPayload.instant(timestamp, fallback);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorItem(Integer code, String title, String message, @JsonProperty("error_data") ErrorData errorData) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorData(String details) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inbound(String from, String id, String timestamp, String type, Text text, Button button,
                          Interactive interactive, Context context) {

        public Instant at(Instant fallback) {
            return WebhookPayload.instant(timestamp, fallback);
        }

        /** What the user wrote or tapped; for media and the like, the type in brackets. */
        public String content() {
            if (text != null && text.body() != null) {
                return text.body();
            }
            if (button != null) {
                return button.text() != null ? button.text() : button.payload();
            }
            if (interactive != null) {
                Reply reply = interactive.buttonReply() != null ? interactive.buttonReply() : interactive.listReply();
                if (reply != null) {
                    return reply.title() != null ? reply.title() : reply.id();
                }
            }
            return "[" + (type == null ? "message" : type) + "]";
        }

        /** A quick-reply button's payload (a template's "Baja" button carries one). */
        public String payload() {
            if (button != null) {
                return button.payload();
            }
            if (interactive != null && interactive.buttonReply() != null) {
                return interactive.buttonReply().id();
            }
            return null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String body) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Button(String payload, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interactive(String type, @JsonProperty("button_reply") Reply buttonReply,
                              @JsonProperty("list_reply") Reply listReply) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reply(String id, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Context(String id, String from) {
    }

    static Instant instant(String unixSeconds, Instant fallback) {
        try {
            return unixSeconds == null ? fallback : Instant.ofEpochSecond(Long.parseLong(unixSeconds.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
