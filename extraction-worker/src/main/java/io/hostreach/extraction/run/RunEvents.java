package io.hostreach.extraction.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.campaign.Campaign;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.Topics;
import io.hostreach.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * Announces a run's state on {@code extraction-events} (key campaignId, subject extractionId) through the
 * outbox: call inside the transaction that changes the run.
 */
@ApplicationScoped
public class RunEvents {

    public static final String SOURCE = "/hostreach/extraction-worker";

    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final String topic;

    public RunEvents(Outbox outbox, ObjectMapper mapper, @ConfigProperty(name = Topics.EXTRACTION_EVENTS) String topic) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.topic = topic;
    }

    public Uni<Void> started(ExtractionRun run, Campaign campaign) {
        return append(EventTypes.EXTRACTION_STARTED, run, campaign);
    }

    public Uni<Void> completed(ExtractionRun run, Campaign campaign) {
        return append(EventTypes.EXTRACTION_COMPLETED, run, campaign);
    }

    public Uni<Void> failed(ExtractionRun run, Campaign campaign) {
        return append(EventTypes.EXTRACTION_FAILED, run, campaign);
    }

    private Uni<Void> append(String type, ExtractionRun run, Campaign campaign) {
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), SOURCE, type, run.extractionId.toString(),
                Instant.now(), mapper.valueToTree(ExtractionProgress.of(run, campaign)));
        return outbox.append(topic, run.campaignId.toString(), event).replaceWithVoid();
    }
}
