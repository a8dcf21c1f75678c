package io.hostreach.outreach.send;

import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.common.Contexts;
import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.common.SerialJob;
import io.hostreach.outreach.limit.ThroughputGate;
import io.hostreach.platform.outbox.OutboxRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due messages, in rounds: resolve the campaigns' accounts and templates (no transaction open),
 * claim and check a batch (one transaction, committed: every message to send is SENDING before any
 * provider sees it), then send through each sender's throughput gate and record the answers in small
 * transactions as they arrive. The next round claims while a batch is still being sent (up to
 * {@code max-in-flight} messages), so a gate never runs dry between batches. Runs every tick, and at once
 * when kicked (a lead enrolled, a campaign resumed, a batch recorded). Several replicas share the work
 * through SKIP LOCKED claims.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final long WAKE_HORIZON_MILLIS = 3_000;

    // Not held, with something due (a running campaign's step, or an ad-hoc message, which does not wait for the
    // campaign to run): the oldest due first, so no campaign starves the others.
    private static final String DUE_CAMPAIGNS = """
            select c.* from campaign c where c.id in (
                select m.campaign_id from outreach_message m join campaign r on r.id = m.campaign_id
                where m.status = 'PENDING' and m.due_at <= :now and (r.status = 'running' or m.kind = 'adhoc')
                  and r.hold_code is null
                group by m.campaign_id order by min(m.due_at) limit :campaigns)""";

    private final CampaignContextResolver resolver;
    private final SendClaimer claimer;
    private final OutcomeRecorder recorder;
    private final ThroughputGate gate;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Vertx vertx;
    private final Map<String, MessageChannel> channels = new HashMap<>();
    private final int batchSize;
    private final int concurrency;
    private final int recordBatch;
    private final Duration recordWindow;
    private final int campaignsPerRound;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final SerialJob job;

    public Dispatcher(CampaignContextResolver resolver, SendClaimer claimer, OutcomeRecorder recorder, ThroughputGate gate,
                      OutboxRelay relay, Clock clock, Vertx vertx, @Any Instance<MessageChannel> channels, MeterRegistry registry,
                      @ConfigProperty(name = "hostreach.outreach.dispatch.batch-size", defaultValue = "200") int batchSize,
                      @ConfigProperty(name = "hostreach.outreach.dispatch.concurrency", defaultValue = "64") int concurrency,
                      @ConfigProperty(name = "hostreach.outreach.dispatch.record-batch", defaultValue = "50") int recordBatch,
                      @ConfigProperty(name = "hostreach.outreach.dispatch.record-window", defaultValue = "100ms") Duration recordWindow,
                      @ConfigProperty(name = "hostreach.outreach.dispatch.campaigns-per-round", defaultValue = "100") int campaignsPerRound,
                      @ConfigProperty(name = "hostreach.outreach.dispatch.max-in-flight", defaultValue = "400") int maxInFlight) {
        this.resolver = resolver;
        this.claimer = claimer;
        this.recorder = recorder;
        this.gate = gate;
        this.relay = relay;
        this.clock = clock;
        this.vertx = vertx;
        channels.forEach(c -> this.channels.put(c.name(), c));
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.recordBatch = recordBatch;
        this.recordWindow = recordWindow;
        this.campaignsPerRound = campaignsPerRound;
        this.maxInFlight = maxInFlight;
        this.job = new SerialJob("dispatcher", vertx, this::round, LOG);
        Gauge.builder("hostreach.outreach.sends.in.flight", inFlight, AtomicInteger::get)
                .description("Messages claimed (SENDING) whose answer is not recorded yet").register(registry);
    }

    @Scheduled(identity = "outreach-dispatcher", every = "${hostreach.outreach.dispatch.interval:1s}",
            delayed = "${hostreach.outreach.dispatch.initial-delay:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return job.run();
    }

    /** Asks for a round now (something became due). */
    public void kick() {
        job.kick();
    }

    /**
     * Asks for a round when {@code due} comes, if that is sooner than the next ticks would notice (a retry
     * after a short backoff); later ones are found by the ticks.
     */
    public void wakeAt(Instant due) {
        long millis = Duration.between(clock.instant(), due).toMillis();
        if (millis < WAKE_HORIZON_MILLIS) {
            vertx.setTimer(Math.max(1, millis), id -> kick());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        job.stop();
    }

    private Uni<Boolean> round() {
        int room = maxInFlight - inFlight.get();
        if (room <= 0) {
            return Uni.createFrom().item(false); // a recorded batch kicks the next round
        }
        int limit = Math.min(batchSize, room);
        Instant now = clock.instant();
        Executor here = Contexts.executor(Vertx.currentContext());
        return Panache.withSession(() -> Db.nativeList(DUE_CAMPAIGNS, Campaign.class,
                        Map.of("now", now, "campaigns", campaignsPerRound)))
                .chain(campaigns -> campaigns.isEmpty() ? Uni.createFrom().item(Map.<UUID, CampaignContext>of())
                        : resolver.resolve(campaigns))
                .emitOn(here) // back on this round's context, whatever thread answered campaign-service
                .chain(contexts -> contexts.isEmpty() ? Uni.createFrom().item(new SendClaimer.Claimed(List.of(), 0))
                        : Panache.withTransaction(() -> claimer.claim(contexts, now, limit)))
                .invoke(claimed -> {
                    if (claimed.rows() > 0) {
                        relay.kick(); // tasks and local failures announced in the claim
                    }
                    if (!claimed.toSend().isEmpty()) {
                        // Sending goes on while the next round claims: the gates never run dry between batches.
                        inFlight.addAndGet(claimed.toSend().size());
                        deliver(claimed.toSend()).subscribe().with(ignored -> { }, failure ->
                                LOG.errorf("delivery of %d messages failed: %s", claimed.toSend().size(), failure.toString()));
                    }
                })
                .map(claimed -> claimed.rows() >= limit);
    }

    /**
     * Sends through the gates, at most {@code concurrency} in flight, and records answers as they come, on a
     * context of its own (rounds and other deliveries run beside it, each with its own session).
     */
    private Uni<Void> deliver(List<SendClaimer.Prepared> prepared) {
        Executor recording = Contexts.executor(Contexts.fresh(vertx));
        return Multi.createFrom().iterable(prepared)
                .onItem().transformToUni(p -> gate.acquire(p.senderId()).chain(permit -> {
                    permit.sent();
                    Instant sentAt = clock.instant();
                    return channel(p.channel()).send(p.message())
                            .map(result -> new Delivery(p, result, sentAt, clock.instant()));
                }))
                .merge(concurrency)
                // Sending never waits for recording: answers queue (at most one batch of them) while it catches up.
                .onOverflow().buffer(batchSize)
                .group().intoLists().of(recordBatch, recordWindow)
                .emitOn(recording)
                .onItem().transformToUniAndConcatenate(batch -> Panache.withTransaction(() -> recorder.record(batch))
                        .invoke(relay::kick)
                        .onFailure().recoverWithItem(failure -> {
                            // The rows stay SENDING, turn UNKNOWN after the timeout and are settled by status webhooks.
                            LOG.errorf("could not record %d provider answers: %s", batch.size(), failure.toString());
                            return null;
                        })
                        .eventually(() -> {
                            inFlight.addAndGet(-batch.size());
                            kick(); // room for the next round
                        }))
                .collect().last()
                .replaceWithVoid();
    }

    private MessageChannel channel(String name) {
        MessageChannel channel = channels.get(name);
        if (channel == null) {
            throw new IllegalStateException("no message channel named " + name);
        }
        return channel;
    }
}
