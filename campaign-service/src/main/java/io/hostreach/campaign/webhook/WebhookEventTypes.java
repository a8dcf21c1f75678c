package io.hostreach.campaign.webhook;

import java.util.List;

/** The events a subscription can ask for (public API §8). */
public final class WebhookEventTypes {

    public static final String EXTRACTION_COMPLETED = "extraction.completed";
    public static final String LEADS_IMPORTED = "leads.imported";
    public static final String LEAD_STATUS_UPDATED = "lead.status_updated";
    public static final String LEAD_FIRST_RESPONSE = "lead.first_response";
    public static final String CAMPAIGN_STATUS_CHANGED = "campaign.status_changed";
    public static final String MESSAGE_STATUS_UPDATED = "message.status_updated";
    /** Sent only by POST /webhooks/{id}/test. */
    public static final String TEST = "webhook.test";

    public static final List<String> SUBSCRIBABLE = List.of(EXTRACTION_COMPLETED, LEADS_IMPORTED, LEAD_STATUS_UPDATED,
            LEAD_FIRST_RESPONSE, CAMPAIGN_STATUS_CHANGED, MESSAGE_STATUS_UPDATED);

    private WebhookEventTypes() {
    }
}
