package io.hostreach.outreach.common;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A background job that runs rounds one at a time per replica, at every scheduler tick and whenever it is
 * kicked (after a commit that created work, so the usual latency is milliseconds, not a tick). A round
 * answers whether more work is waiting; a kick during a round makes the loop go round once more. A
 * failed round ends the loop until the next tick (no hot loop while the database is down).
 */
public final class SerialJob {

    private final String name;
    private final Vertx vertx;
    private final Supplier<Uni<Boolean>> round;
    private final Logger log;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean stopped;

    public SerialJob(String name, Vertx vertx, Supplier<Uni<Boolean>> round, Logger log) {
        this.name = name;
        this.vertx = vertx;
        this.round = round;
        this.log = log;
    }

    /** For a {@code @Scheduled} method: runs the rounds (or leaves them to the loop already running). */
    public Uni<Void> run() {
        if (stopped) {
            return Uni.createFrom().voidItem();
        }
        requested.set(true);
        return drain();
    }

    /** Asks for a round soon; returns at once, from any thread. */
    public void kick() {
        if (stopped) {
            return;
        }
        requested.set(true);
        if (running.get()) {
            return;
        }
        // A fresh, safe duplicated context: the caller's (a request, a consumer) may be finished.
        Contexts.fresh(vertx).runOnContext(ignored -> drain().subscribe().with(v -> { }, f -> { }));
    }

    public void stop() {
        stopped = true;
    }

    private Uni<Void> drain() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return loop()
                .onFailure().invoke(f -> {
                    requested.set(false);
                    log.warnf("%s: round failed, next tick retries: %s", name, f.toString());
                })
                .onFailure().recoverWithNull()
                .eventually(() -> {
                    running.set(false);
                    if (requested.get() && !stopped) {
                        kick();
                    }
                });
    }

    private Uni<Void> loop() {
        if (stopped || !requested.getAndSet(false)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> round.get()).chain(more -> {
            if (Boolean.TRUE.equals(more)) {
                requested.set(true);
            }
            return loop();
        });
    }
}
