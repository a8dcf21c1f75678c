package io.hostreach.extraction.run;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Starts queued runs on this replica, up to its concurrency, each on its own Vert.x context: right after a
 * campaign event or a finished run ({@link #kick()}), and every poll interval as the safety net (runs of a
 * replica that died, a campaign resumed). Keeps the leases of its runs alive while they execute.
 */
@ApplicationScoped
public class ExtractionRunner {

    private static final Logger LOG = Logger.getLogger(ExtractionRunner.class);
    private static final String RENEW = """
            update extraction_run set lease_expires_at = :until
            where status = 'RUNNING' and lease_owner in (:leases)""";

    private final RunClaims claims;
    private final RunLoop loop;
    private final RunnerConfig config;
    private final Vertx vertx;
    /** This process among the replicas: the lease owner of its runs. */
    private final String owner = abbreviate(ManagementFactory.getRuntimeMXBean().getName()) + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Map<UUID, RunState> active = new ConcurrentHashMap<>();
    private final AtomicBoolean dispatching = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public ExtractionRunner(RunClaims claims, RunLoop loop, RunnerConfig config, Vertx vertx) {
        this.claims = claims;
        this.loop = loop;
        this.config = config;
        this.vertx = vertx;
    }

    /** Looks for runs to start soon; returns at once. Call it after a change that may have made one startable. */
    public void kick() {
        requested.set(true);
        onNewContext(this::dispatch);
    }

    @Scheduled(identity = "extraction-runner", every = "${hostreach.runner.poll-interval:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        requested.set(true);
        return dispatch();
    }

    @Scheduled(identity = "extraction-leases", every = "${hostreach.runner.heartbeat:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> renewLeases() {
        if (active.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant until = Instant.now().plus(config.lease());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(RENEW)
                        .setParameter("until", until)
                        .setParameter("leases", active.values().stream().map(state -> state.lease).toList())
                        .executeUpdate()))
                .replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf("could not renew run leases: %s", f.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** The runs executing here now (for operators and tests). */
    public int activeRuns() {
        return active.size();
    }

    public String owner() {
        return owner;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        // Running runs go back to the queue at their next page; those that cannot finish in time lose their lease.
        stopping.set(true);
    }

    Uni<Void> dispatch() {
        if (!config.enabled() || stopping.get() || !dispatching.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return claimWhileRoom()
                .onFailure().invoke(f -> LOG.warnf("could not claim extraction runs: %s", f.getMessage()))
                .onFailure().recoverWithNull()
                .eventually(() -> {
                    dispatching.set(false);
                    if (requested.get() && active.size() < config.concurrency()) {
                        kick();
                    }
                });
    }

    private Uni<Void> claimWhileRoom() {
        if (active.size() >= config.concurrency() || !requested.getAndSet(false)) {
            return Uni.createFrom().voidItem();
        }
        return claims.claimNext(owner).chain(outcome -> {
            if (outcome instanceof ClaimOutcome.None) {
                return Uni.createFrom().voidItem();
            }
            if (outcome instanceof ClaimOutcome.Go go) {
                start(go);
            }
            requested.set(true); // there may be more
            return claimWhileRoom();
        });
    }

    private void start(ClaimOutcome.Go go) {
        RunState state = go.state();
        active.put(state.extractionId, state);
        LOG.infof("%s: started on %s", state, owner);
        onNewContext(() -> loop.execute(state, go.source(), state.lease, stopping::get)
                .onFailure().invoke(f -> LOG.errorf(f, "%s: execution ended abnormally", state))
                .onFailure().recoverWithNull()
                .eventually(() -> {
                    active.remove(state.extractionId);
                    kick(); // the next run of the campaign (or another) may start now
                }));
    }

    private static String abbreviate(String name) {
        return name.length() <= 100 ? name : name.substring(0, 100);
    }

    /** A fresh, safe duplicated context: its own Hibernate Reactive sessions, independent of any caller. */
    private void onNewContext(Supplier<Uni<Void>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(done -> { }, failure -> { }));
    }
}
