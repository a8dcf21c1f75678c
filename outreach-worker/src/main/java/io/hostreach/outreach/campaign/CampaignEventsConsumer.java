package io.hostreach.outreach.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.CampaignEventHandler.Outcome;
import io.hostreach.outreach.send.Dispatcher;
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
    private final Dispatcher dispatcher;

    public CampaignEventsConsumer(CloudEventCodec codec, ObjectMapper mapper, CampaignEventHandler handler,
                                  MeterRegistry registry, Dispatcher dispatcher) {
        this.codec = codec;
        this.mapper = mapper;
        this.handler = handler;
        this.registry = registry;
        this.dispatcher = dispatcher;
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
            if (outcome == Outcome.APPLIED && "running".equals(e.campaign().status())) {
                dispatcher.kick(); // a resumed campaign's due messages go now, not at the next tick
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
    }

    private void count(String type, String outcome) {
        registry.counter("hostreach.events.consumed", "consumer", CampaignEventHandler.CONSUMER,
                "type", type, "outcome", outcome).increment();
    }
}
