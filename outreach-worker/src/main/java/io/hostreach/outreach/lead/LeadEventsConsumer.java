package io.hostreach.outreach.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.enrolment.EnrolmentService.Outcome;
import io.hostreach.outreach.send.Dispatcher;
import io.hostreach.platform.events.CloudEventCodec;
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
 * Reads lead-events (key = campaignId) and enrols captured leads. Poison records go to the dead-letter
 * topic at once; other failures are retried first. Only a completed Uni acknowledges the record, so the
 * offset is committed after the enrolment is stored.
 */
@ApplicationScoped
public class LeadEventsConsumer {

    private static final Logger LOG = Logger.getLogger(LeadEventsConsumer.class);

    private final CloudEventCodec codec;
    private final ObjectMapper mapper;
    private final LeadEventHandler handler;
    private final Dispatcher dispatcher;
    private final MeterRegistry registry;

    public LeadEventsConsumer(CloudEventCodec codec, ObjectMapper mapper, LeadEventHandler handler, Dispatcher dispatcher,
                              MeterRegistry registry) {
        this.codec = codec;
        this.mapper = mapper;
        this.handler = handler;
        this.dispatcher = dispatcher;
        this.registry = registry;
    }

    @Incoming("lead-events-in")
    @NonBlocking
    // The partition waits while it retries: a campaign's leads keep their order.
    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100, abortOn = PoisonEventException.class)
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> LeadCaptured.from(codec.read(record), mapper))
                .chain(this::handle)
                .onFailure(PoisonEventException.class).invoke(poison -> {
                    count("poison");
                    LOG.warnf("poison record on lead-events, sent to the dead-letter topic: %s", poison.getMessage());
                });
    }

    private Uni<Void> handle(Optional<LeadCaptured.Envelope> event) {
        if (event.isEmpty()) {
            count("ignored");
            return Uni.createFrom().voidItem();
        }
        return handler.handle(event.get()).invoke(outcome -> {
            count(outcome.name().toLowerCase(Locale.ROOT));
            if (outcome == Outcome.ENROLLED) {
                dispatcher.kick(); // step 1 is due now: no need to wait for the next tick
            }
        }).replaceWithVoid();
    }

    private void count(String outcome) {
        registry.counter("hostreach.events.consumed", "consumer", LeadEventHandler.CONSUMER,
                "type", "lead.captured", "outcome", outcome).increment();
    }
}
