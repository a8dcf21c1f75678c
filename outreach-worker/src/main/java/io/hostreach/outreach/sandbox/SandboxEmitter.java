package io.hostreach.outreach.sandbox;

import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.common.SerialJob;
import io.hostreach.outreach.webhook.WebhookDelivery;
import io.hostreach.outreach.webhook.WebhookProcessor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Delivers the sandbox's due webhooks: batched into one WhatsApp webhook payload (as Meta batches them),
 * stored as a webhook delivery and processed by the same pipeline as Meta's.
 */
@ApplicationScoped
public class SandboxEmitter {

    private static final Logger LOG = Logger.getLogger(SandboxEmitter.class);
    private static final int BATCH = 100;
    private static final String DUE = """
            select * from sandbox_event where emitted_at is null and due_at <= :now
            order by due_at limit :limit for update skip locked""";

    private final WebhookProcessor processor;
    private final Clock clock;
    private final SerialJob job;

    public SandboxEmitter(WebhookProcessor processor, Clock clock, Vertx vertx) {
        this.processor = processor;
        this.clock = clock;
        this.job = new SerialJob("sandbox-emitter", vertx, this::round, LOG);
    }

    @Scheduled(identity = "sandbox-emitter", every = "${hostreach.sandbox.emit-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return job.run();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        job.stop();
    }

    private Uni<Boolean> round() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Db.nativeList(DUE, SandboxEvent.class, Map.of("now", now, "limit", BATCH))
                        .chain(due -> due.isEmpty() ? Uni.createFrom().item(0) : emit(due, now)))
                .invoke(emitted -> {
                    if (emitted > 0) {
                        processor.kick();
                    }
                })
                .map(emitted -> emitted == BATCH);
    }

    private static Uni<Integer> emit(List<SandboxEvent> due, Instant now) {
        JsonArray changes = new JsonArray();
        due.forEach(e -> {
            changes.add(new JsonObject().put("field", "messages").put("value", new JsonObject(e.payload)));
            e.emittedAt = now;
        });
        JsonObject payload = new JsonObject().put("object", "whatsapp_business_account")
                .put("entry", new JsonArray().add(new JsonObject().put("id", "sandbox-waba").put("changes", changes)));
        WebhookDelivery delivery = WebhookDelivery.of(WebhookDelivery.SANDBOX, payload.encode(), now);
        return Panache.getSession().chain(s -> s.persist(delivery)).replaceWith(due.size());
    }
}
