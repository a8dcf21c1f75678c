package io.hostreach.outreach.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.Topics;
import io.hostreach.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.UUID;

/**
 * Writes this worker's events into the outbox, for {@code outreach-events} (key = leadId, so one lead's
 * events stay in order; campaign.drained is keyed by its campaign, template.status-changed by Meta's template id). Call inside the transaction of the
 * change the event announces; the caller kicks the relay after commit.
 */
@ApplicationScoped
public class OutreachEvents {

    public static final String SOURCE = "/hostreach/outreach-worker";

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String topic;

    public OutreachEvents(Outbox outbox, ObjectMapper mapper, Clock clock,
                          @ConfigProperty(name = Topics.OUTREACH_EVENTS) String topic) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
        this.topic = topic;
    }

    /** {@code type} is one of EventTypes.MESSAGE_SENT|DELIVERED|READ|FAILED. */
    public Uni<Void> message(String type, MessageEvent data) {
        return append(type, data.leadId().toString(), data.messageId(), data);
    }

    public Uni<Void> replied(LeadReplied data) {
        return append(EventTypes.LEAD_REPLIED, data.leadId().toString(), data.leadId(), data);
    }

    public Uni<Void> optedOut(LeadOptedOut data) {
        return append(EventTypes.LEAD_OPTED_OUT, data.leadId().toString(), data.leadId(), data);
    }

    public Uni<Void> taskCreated(TaskCreated data) {
        return append(EventTypes.TASK_CREATED, data.leadId().toString(), data.taskId(), data);
    }

    public Uni<Void> drained(CampaignDrained data) {
        return append(EventTypes.CAMPAIGN_DRAINED, data.campaignId().toString(), data.campaignId(), data);
    }

    /** Keyed (and subject) by Meta's template id, so one template's reviews stay in order. */
    public Uni<Void> templateStatusChanged(TemplateStatusChanged data) {
        return append(EventTypes.TEMPLATE_STATUS_CHANGED, data.metaTemplateId(), data.metaTemplateId(), data);
    }

    private Uni<Void> append(String type, String key, UUID subject, Object data) {
        return append(type, key, subject.toString(), data);
    }

    private Uni<Void> append(String type, String key, String subject, Object data) {
        JsonNode json = mapper.valueToTree(data);
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), SOURCE, type, subject, clock.instant(), json);
        return outbox.append(topic, key, event).replaceWithVoid();
    }
}
