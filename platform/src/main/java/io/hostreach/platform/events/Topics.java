package io.hostreach.platform.events;

/** Configuration keys of the topic names; each service maps them in application.properties. */
public final class Topics {
    public static final String CAMPAIGN_EVENTS = "hostreach.topics.campaign-events";
    public static final String LEAD_EVENTS = "hostreach.topics.lead-events";
    public static final String EXTRACTION_EVENTS = "hostreach.topics.extraction-events";
    public static final String OUTREACH_EVENTS = "hostreach.topics.outreach-events";

    private Topics() {
    }
}
