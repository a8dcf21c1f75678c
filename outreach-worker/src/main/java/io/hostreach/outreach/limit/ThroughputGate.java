package io.hostreach.outreach.limit;

import io.hostreach.outreach.common.SendingVertx;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per business number (Meta counts throughput per phone number), a first-come queue in front of a
 * {@link ThroughputLimiter}: {@link #acquire} completes when the message may be sent, on a timer of the
 * sending event loop, never by blocking a thread. The limiter is per replica: with N replicas sending for
 * one number, set the rate to the number's throughput divided by N.
 */
@ApplicationScoped
public class ThroughputGate {

    private final Vertx vertx;
    private final int perSecond;
    private final int burst;
    private final Duration windowMargin;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    public ThroughputGate(SendingVertx sending,
                          @ConfigProperty(name = "hostreach.outreach.throughput.per-second", defaultValue = "80") int perSecond,
                          @ConfigProperty(name = "hostreach.outreach.throughput.burst", defaultValue = "0") int burst,
                          @ConfigProperty(name = "hostreach.outreach.throughput.window-margin", defaultValue = "5ms") Duration windowMargin) {
        this.vertx = sending.vertx(); // timers on the sending event loop, which no transaction ever holds
        this.perSecond = perSecond;
        this.burst = burst > 0 ? burst : autoBurst(perSecond);
        this.windowMargin = windowMargin;
    }

    /** Leave to send one message; call {@link #sent()} right before sending it. */
    public interface Permit {
        /** The message goes now: the limiter counts it from this moment, however late after the grant. */
        void sent();
    }

    private static final Permit UNLIMITED = () -> { };

    /** Completes when the sender may send one more message; at once when throughput limiting is off (0). */
    public Uni<Permit> acquire(String sender) {
        if (perSecond <= 0) {
            return Uni.createFrom().item(UNLIMITED);
        }
        Lane lane = lanes.computeIfAbsent(sender, s -> new Lane(new ThroughputLimiter(perSecond, burst, windowMargin)));
        return Uni.createFrom().<Permit>emitter(lane::enqueue);
    }

    /**
     * 100 ms worth of messages, at least 2: what a timer delayed by a busy machine (or a GC pause) may owe
     * and make up without the rate suffering; the one-second window guard holds whatever it allows.
     */
    static int autoBurst(int perSecond) {
        return Math.max(2, (int) Math.ceil(perSecond * 0.1));
    }

    private final class Lane {

        private final ThroughputLimiter limiter;
        private final Context context;
        private final ArrayDeque<UniEmitter<? super Permit>> waiting = new ArrayDeque<>();
        private boolean armed; // a drain is scheduled (a timer, or a task on the context)

        Lane(ThroughputLimiter limiter) {
            this.limiter = limiter;
            this.context = vertx.getOrCreateContext(); // every grant, and so every send, happens on the sending loop
        }

        void enqueue(UniEmitter<? super Permit> emitter) {
            boolean drainNow;
            synchronized (this) {
                waiting.add(emitter);
                drainNow = !armed;
                armed = true;
            }
            if (drainNow) {
                context.runOnContext(ignored -> drain());
            }
        }

        /** Grants what the limiter allows now, then arms one timer for the next permit. */
        void drain() {
            List<UniEmitter<? super Permit>> ready = new ArrayList<>();
            List<Long> tickets = new ArrayList<>();
            synchronized (this) {
                armed = false;
                long wait = 0;
                while (!waiting.isEmpty()) {
                    wait = limiter.tryAcquire(System.nanoTime());
                    if (wait > 0) {
                        break;
                    }
                    ready.add(waiting.poll());
                    tickets.add(limiter.granted() - 1);
                }
                if (!waiting.isEmpty()) {
                    armed = true;
                    long millis = Math.max(1, (wait + 999_999) / 1_000_000);
                    vertx.setTimer(millis, id -> drain());
                }
            }
            for (int i = 0; i < ready.size(); i++) {
                long ticket = tickets.get(i);
                Permit permit = () -> limiter.sentAt(ticket, System.nanoTime());
                ready.get(i).complete(permit);
            }
        }
    }
}
