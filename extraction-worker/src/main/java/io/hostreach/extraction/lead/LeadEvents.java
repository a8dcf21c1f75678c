package io.hostreach.extraction.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.Topics;
import io.hostreach.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Announces captured leads on {@code lead-events} (key campaignId, subject leadId) through the outbox: call
 * inside the transaction that records the run's progress. The event id is derived from run and lead, so the
 * same capture can never be announced twice under two ids.
 */
@ApplicationScoped
public class LeadEvents {

    static final String SOURCE = "/hostreach/extraction-worker";

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final String topic;

    public LeadEvents(Outbox outbox, ObjectMapper mapper, @ConfigProperty(name = Topics.LEAD_EVENTS) String topic) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.topic = topic;
    }

    public Uni<Void> captured(LeadCaptured lead) {
        String eventId = UUID.nameUUIDFromBytes(("lead.captured|" + lead.extractionId() + "|" + lead.leadId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        CloudEvent event = CloudEvent.of(eventId, SOURCE, EventTypes.LEAD_CAPTURED, lead.leadId().toString(),
                lead.capturedAt(), mapper.valueToTree(lead));
        return outbox.append(topic, lead.campaignId().toString(), event).replaceWithVoid();
    }
}
