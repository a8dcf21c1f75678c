package io.hostreach.platform.outbox;

import io.hostreach.platform.events.CloudEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in order, waiting for the broker's ack before marking them sent.
 * <p>
 * It runs right after each committing change ({@link #kick()}) so the usual latency is milliseconds,
 * and every sweep interval as the safety net (rows of a crashed replica, a broker that was down).
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas can relay at once; within
 * a replica one run drains at a time. A failed send rolls the batch back: delayed, never lost.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "outbox-out";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            select * from outbox_event where published_at is null
            order by seq limit :limit for update skip locked""";

    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final int batchSize;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, Vertx vertx, MeterRegistry registry,
                       @ConfigProperty(name = "hostreach.outbox.batch-size", defaultValue = "100") int batchSize) {
        this.emitter = emitter;
        this.vertx = vertx;
        this.batchSize = batchSize;
        Gauge.builder("hostreach.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("hostreach.outbox.oldest.pending.age", oldestPendingAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("Age of the oldest unpublished outbox event").register(registry);
    }

    /** Asks for a drain soon; returns at once. Call it after a transaction that wrote outbox rows commits. */
    public void kick() {
        if (paused.get()) {
            return;
        }
        requested.set(true);
        // A fresh, safe duplicated context: the caller's request context (and its session) is finished.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> drain().subscribe().with(n -> { }, f -> { }));
    }

    @Scheduled(identity = "outbox-sweep", every = "${hostreach.outbox.sweep-interval:1s}",
            delayed = "${hostreach.outbox.initial-delay:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        // Until messaging has wired the channel (a slow boot), there is no one to send to yet.
        if (paused.get() || !channelReady()) {
            return Uni.createFrom().voidItem();
        }
        requested.set(true);
        return drain().replaceWithVoid().onFailure().recoverWithNull()
                .chain(this::refreshGauges);
    }

    private boolean channelReady() {
        try {
            return emitter.hasRequests();
        } catch (RuntimeException notYetConnected) {
            return false;
        }
    }

    /** On shutdown the pool closes under a running drain: stop first, the next start publishes the rest. */
    void onShutdown(@Observes ShutdownEvent event) {
        paused.set(true);
    }

    /** Stops publishing (rows keep accumulating in the table); for maintenance and tests. */
    public void pause() {
        paused.set(true);
    }

    public void resume() {
        paused.set(false);
        kick();
    }

    public boolean isPaused() {
        return paused.get();
    }

    /**
     * Publishes batches until none is left. Only one drain runs per replica; a kick during a drain
     * sets {@code requested} and makes the running drain go round once more, so no commit is missed.
     */
    Uni<Integer> drain() {
        if (!draining.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return drainLoop(0)
                .eventually(() -> {
                    draining.set(false);
                    if (requested.get() && !paused.get()) {
                        kick();
                    }
                })
                .onFailure().invoke(f -> LOG.warnf("outbox relay: publication failed, will retry: %s", f.getMessage()));
    }

    private Uni<Integer> drainLoop(int publishedSoFar) {
        if (paused.get() || !requested.getAndSet(false)) {
            return Uni.createFrom().item(publishedSoFar);
        }
        return publishBatch().chain(published -> {
            if (published == batchSize) {
                requested.set(true);
            }
            return drainLoop(publishedSoFar + published);
        });
    }

    @SuppressWarnings("unchecked")
    private Uni<Integer> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, OutboxEvent.class)
                        .setParameter("limit", batchSize)
                        .getResultList())
                .chain(rows -> publishAll((List<OutboxEvent>) rows)));
    }

    private Uni<Integer> publishAll(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Sent in claim order; the idempotent producer keeps that order within a partition.
        List<Uni<Void>> acks = rows.stream().map(this::send).toList();
        Instant now = Instant.now();
        return Uni.join().all(acks).andFailFast()
                .invoke(() -> rows.forEach(row -> {
                    row.publishedAt = now;
                    row.attempts++;
                }))
                .replaceWith(rows.size());
    }

    private Uni<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("event-id", row.id.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("event-type", row.eventType.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.messageKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(row.payload).addMetadata(metadata))
                .ifNoItem().after(Duration.ofSeconds(30)).fail();
    }

    private Uni<Void> refreshGauges() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select count(*), min(created_at) from outbox_event where published_at is null",
                                Object[].class)
                        .getSingleResult()))
                .invoke(row -> {
                    Object[] cols = (Object[]) row;
                    pending.set(((Number) cols[0]).longValue());
                    Instant oldest = toInstant(cols[1]);
                    oldestPendingAgeSeconds.set(oldest == null ? 0
                            : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds()));
                })
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
