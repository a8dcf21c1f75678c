package io.hostreach.extraction.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.campaign.CampaignEventHandler.Outcome;
import io.hostreach.extraction.run.ExtractionRunner;
import io.hostreach.platform.outbox.OutboxRelay;
import io.hostreach.platform.events.CloudEventCodec;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.PoisonEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the campaign-events topic. A record that can never be processed (poison) fails at once and the
 * connector sends it to the dead-letter topic; any other failure (the database, a racing duplicate) is
 * retried a few times first. Only a completed Uni acknowledges the record, so the offset is committed
 * after the effect is stored.
 */
@ApplicationScoped
public class CampaignEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CampaignEventsConsumer.class);

    private final CloudEventCodec codec;
    private final ObjectMapper mapper;
    private final CampaignEventHandler handler;
    private final MeterRegistry registry;
    private final ExtractionRunner runner;
    private final OutboxRelay relay;

    public CampaignEventsConsumer(CloudEventCodec codec, ObjectMapper mapper, CampaignEventHandler handler,
                                  MeterRegistry registry, ExtractionRunner runner, OutboxRelay relay) {
        this.codec = codec;
        this.mapper = mapper;
        this.handler = handler;
        this.registry = registry;
        this.runner = runner;
        this.relay = relay;
    }

    @Incoming("campaign-events-in")
    @NonBlocking
    // The partition waits while it retries: later events of the campaign must not overtake this one.
    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100, abortOn = PoisonEventException.class)
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> CampaignEvent.from(codec.read(record), mapper))
                .chain(this::handle)
                .onFailure(PoisonEventException.class).invoke(poison -> {
                    count("unknown", "poison");
                    LOG.warnf("poison record on campaign-events, sent to the dead-letter topic: %s", poison.getMessage());
                });
    }

    private Uni<Void> handle(Optional<CampaignEvent> event) {
        if (event.isEmpty()) {
            LOG.debug("campaign-events record of a type this worker does not act on; skipped");
            count("other", "ignored");
            return Uni.createFrom().voidItem();
        }
        CampaignEvent e = event.get();
        return handler.handle(e).invoke(outcome -> {
            report(e, outcome);
            if (outcome != Outcome.DUPLICATE) {
                // After the commit: a queued run may start, a resumed one continue, cancellations be announced.
                runner.kick();
                relay.kick();
            }
        }).replaceWithVoid();
    }

    /** One INFO line per event: what operators (and the README) look for. */
    private void report(CampaignEvent event, Outcome outcome) {
        count(event.type().substring(EventTypes.PREFIX.length()), outcome.name().toLowerCase(Locale.ROOT));
        CampaignEvent.Snapshot campaign = event.campaign();
        switch (outcome) {
            case DUPLICATE -> LOG.infof("event %s for campaign %s was already processed; skipped", event.id(), campaign.id());
            case STALE -> LOG.infof("campaign %s: version %d of event %s is not newer than the stored one; snapshot ignored",
                    campaign.id(), campaign.version(), event.id());
            case APPLIED -> LOG.infof("campaign %s is now %s (event %s)", campaign.id(), campaign.status(), event.id());
        }
        if (event.requestsExtraction() && outcome != Outcome.DUPLICATE) {
            LOG.infof("extraction %s requested for campaign %s (event %s)", event.extractionId(), campaign.id(), event.id());
        }
    }

    private void count(String type, String outcome) {
        registry.counter("hostreach.events.consumed", "consumer", CampaignEventHandler.CONSUMER,
                "type", type, "outcome", outcome).increment();
    }
}
