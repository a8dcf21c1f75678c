package io.hostreach.outreach.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.common.SerialJob;
import io.hostreach.outreach.send.Dispatcher;
import io.hostreach.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Processes stored webhook payloads in arrival order, each in its own transaction with its effects and
 * events: statuses, inbound messages, and template reviews (relayed to campaign-service). A payload that keeps failing is set aside after a few
 * attempts with its error (it stays in the table for an operator). Replicas share payloads through SKIP
 * LOCKED.
 */
@ApplicationScoped
public class WebhookProcessor {

    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class);
    private static final String NEXT = """
            select * from webhook_delivery where processed_at is null and attempts < :max
            order by id limit 1 for update skip locked""";

    private final StatusHandler statuses;
    private final InboundHandler inbound;
    private final TemplateStatusHandler templates;
    private final ObjectMapper mapper;
    private final OutboxRelay relay;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final int maxAttempts;
    private final SerialJob job;
    private volatile Long current; // the payload of the running round (one round at a time)

    public WebhookProcessor(StatusHandler statuses, InboundHandler inbound, TemplateStatusHandler templates,
                            ObjectMapper mapper, OutboxRelay relay,
                            Dispatcher dispatcher, Clock clock, Vertx vertx,
                            @ConfigProperty(name = "hostreach.webhooks.max-attempts", defaultValue = "5") int maxAttempts) {
        this.statuses = statuses;
        this.inbound = inbound;
        this.templates = templates;
        this.mapper = mapper;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.job = new SerialJob("webhook-processor", vertx, this::round, LOG);
    }

    @Scheduled(identity = "outreach-webhook-processor", every = "${hostreach.webhooks.process-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return job.run();
    }

    /** A payload was stored: process it now rather than at the next tick. */
    public void kick() {
        job.kick();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        job.stop();
    }

    /** One payload per round; true while there may be more. */
    private Uni<Boolean> round() {
        current = null;
        return Panache.withTransaction(() -> Db.nativeList(NEXT, WebhookDelivery.class, Map.of("max", maxAttempts))
                        .chain(found -> {
                            if (found.isEmpty()) {
                                return Uni.createFrom().item(false);
                            }
                            current = found.get(0).id;
                            return process(found.get(0)).replaceWith(true);
                        }))
                .invoke(processed -> {
                    if (processed) {
                        relay.kick();
                        dispatcher.kick(); // a retried 131049 or a reconciled message may have made a step due
                    }
                })
                // The next tick tries again (and the payload after it, once this one is set aside).
                .onFailure().recoverWithUni(failure -> setAside(current, failure).replaceWith(false));
    }

    private Uni<Void> process(WebhookDelivery delivery) {
        WebhookPayload payload;
        try {
            payload = mapper.readValue(delivery.payload, WebhookPayload.class);
        } catch (Exception e) {
            LOG.warnf("webhook delivery %d is not a WhatsApp webhook payload; set aside: %s", delivery.id, e.getMessage());
            delivery.processedAt = clock.instant();
            delivery.lastError = "unreadable: " + e.getMessage();
            return Uni.createFrom().voidItem();
        }
        Instant receivedAt = delivery.receivedAt;
        List<Uni<Void>> work = new ArrayList<>();
        for (WebhookPayload.Entry entry : nonNull(payload.entry())) {
            for (WebhookPayload.Change change : nonNull(entry.changes())) {
                WebhookPayload.Value value = change.value();
                if (value == null) {
                    continue;
                }
                if (TemplateStatusHandler.FIELD.equals(change.field())) {
                    work.add(Uni.createFrom().deferred(() -> templates.handle(entry.id(), entry.time(), value, receivedAt)));
                    continue;
                }
                String sender = value.metadata() == null ? null : value.metadata().phoneNumberId();
                nonNull(value.statuses()).forEach(s -> work.add(Uni.createFrom().deferred(() -> statuses.handle(s, receivedAt))));
                nonNull(value.messages()).forEach(m -> work.add(Uni.createFrom().deferred(() -> inbound.handle(m, sender, receivedAt))));
                nonNull(value.errors()).forEach(e -> LOG.warnf("WhatsApp reports a system error %s: %s", e.code(), e.title()));
            }
        }
        return Multi.createFrom().iterable(work).onItem().transformToUniAndConcatenate(u -> u).collect().asList()
                .invoke(() -> delivery.processedAt = clock.instant())
                .replaceWithVoid();
    }

    /** The transaction rolled back: count the attempt (in a new one) so a poison payload cannot block the rest. */
    private Uni<Void> setAside(Long id, Throwable failure) {
        LOG.warnf("webhook delivery %s failed, will retry: %s", id, failure.toString());
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        String error = failure.toString().length() > 1000 ? failure.toString().substring(0, 1000) : failure.toString();
        return Panache.withTransaction(() -> Db.execute(
                        "update webhook_delivery set attempts = attempts + 1, last_error = :error where id = :id",
                        Map.of("error", error, "id", id)))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
