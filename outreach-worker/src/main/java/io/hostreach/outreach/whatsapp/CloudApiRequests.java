package io.hostreach.outreach.whatsapp;

import io.hostreach.outreach.send.OutboundMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The bodies of {@code POST /{version}/{phone-number-id}/messages}, exactly as the Cloud API takes them. */
public final class CloudApiRequests {

    private CloudApiRequests() {
    }

    public static JsonObject body(OutboundMessage message) {
        JsonObject body = new JsonObject()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", message.toDigits());
        if (message.content() instanceof OutboundMessage.TemplateContent template) {
            JsonObject t = new JsonObject()
                    .put("name", template.name())
                    .put("language", new JsonObject().put("code", template.language()));
            if (!template.parameters().isEmpty()) {
                JsonArray parameters = new JsonArray();
                template.parameters().forEach(p -> parameters.add(new JsonObject().put("type", "text").put("text", p)));
                t.put("components", new JsonArray().add(new JsonObject().put("type", "body").put("parameters", parameters)));
            }
            body.put("type", "template").put("template", t);
        } else {
            body.put("type", "text").put("text", new JsonObject().put("preview_url", false).put("body", message.content().text()));
        }
        // Echoed in every status webhook: how a message whose answer we lost is found again.
        return body.put("biz_opaque_callback_data", message.messageId().toString());
    }
}
