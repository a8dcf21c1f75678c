package io.hostreach.campaign.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The request bodies of {@code /webhooks}, for the OpenAPI document (the service validates the JSON). */
final class WebhookBodies {

    static final String CREATE_EXAMPLE = """
            {"url": "https://crm.example-agency.es/hooks/hostreach", "secret": "whsec_3f9a1c7e5b2d4068a1c3e5f7",
             "name": "CRM sync", "events": ["extraction.completed", "leads.imported", "lead.first_response"]}""";
    static final String UPDATE_EXAMPLE = """
            {"events": ["lead.status_updated", "message.status_updated"], "enabled": true}""";

    private static final String EVENTS = "Any of extraction.completed, leads.imported, lead.status_updated, "
            + "lead.first_response, campaign.status_changed, message.status_updated";

    private WebhookBodies() {
    }

    @Schema(name = "WebhookCreate")
    record Create(@Schema(required = true, format = "uri", description = "http(s); private and loopback addresses are refused")
                  String url,
                  @Schema(required = true, minLength = 16, maxLength = 256, description = "Signs the deliveries; never returned")
                  String secret,
                  String name,
                  @Schema(required = true, minItems = 1, description = EVENTS) List<String> events) {
    }

    @Schema(name = "WebhookUpdate", description = "The fields to change")
    record Update(@Schema(format = "uri") String url,
                  @Schema(minLength = 16, maxLength = 256) String secret,
                  String name,
                  @Schema(minItems = 1, description = EVENTS) List<String> events,
                  @Schema(description = "true re-enables a subscription disabled after failing") Boolean enabled) {
    }
}
