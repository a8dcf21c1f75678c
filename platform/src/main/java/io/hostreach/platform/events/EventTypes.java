package io.hostreach.platform.events;

/** The CloudEvents {@code type} values of the hostreach event contract (see docs/asyncapi.yaml). */
public final class EventTypes {

    public static final String PREFIX = "io.hostreach.";

    public static final String CAMPAIGN_STATUS_CHANGED = PREFIX + "campaign.status-changed";
    public static final String CAMPAIGN_UPDATED = PREFIX + "campaign.updated";
    public static final String CAMPAIGN_EXECUTION_REQUESTED = PREFIX + "campaign.execution-requested";
    public static final String CAMPAIGN_DRAINED = PREFIX + "campaign.drained";
    public static final String LEAD_CAPTURED = PREFIX + "lead.captured";
    public static final String LEAD_REPLIED = PREFIX + "lead.replied";
    public static final String LEAD_OPTED_OUT = PREFIX + "lead.opted-out";
    public static final String EXTRACTION_STARTED = PREFIX + "extraction.started";
    public static final String EXTRACTION_COMPLETED = PREFIX + "extraction.completed";
    public static final String EXTRACTION_FAILED = PREFIX + "extraction.failed";
    public static final String MESSAGE_SENT = PREFIX + "message.sent";
    public static final String MESSAGE_DELIVERED = PREFIX + "message.delivered";
    public static final String MESSAGE_READ = PREFIX + "message.read";
    public static final String MESSAGE_FAILED = PREFIX + "message.failed";
    public static final String TASK_CREATED = PREFIX + "task.created";
    /** Meta reviewed, paused or disabled a message template (outreach-worker relays Meta's webhook). */
    public static final String TEMPLATE_STATUS_CHANGED = PREFIX + "template.status-changed";

    private EventTypes() {
    }

    /** The schema URI of a type's {@code data}, as named in docs/asyncapi.yaml. */
    public static String schemaOf(String type) {
        return "https://hostreach.io/schemas/events/" + type.substring(PREFIX.length()) + ".json";
    }
}
