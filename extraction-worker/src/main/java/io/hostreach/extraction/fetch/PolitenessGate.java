package io.hostreach.extraction.fetch;

import io.smallrye.mutiny.Uni;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One request at a time to a portal, with a pause (plus or minus jitter) between the end of one and the start
 * of the next, whichever run asks. Requests wait in arrival order. With a zero delay it only serialises.
 */
final class PolitenessGate {

    private final long delayMillis;
    private final long jitterMillis;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private volatile long lastFinishedAt;

    PolitenessGate(Duration delay, Duration jitter) {
        this.delayMillis = Math.max(0, delay.toMillis());
        this.jitterMillis = Math.max(0, Math.min(jitter.toMillis(), delayMillis));
    }

    /**
     * Runs the request when its turn comes; the next request waits for it to end (in any way). The turn is
     * taken at subscription, so a Uni built but never subscribed holds nobody up.
     */
    <T> Uni<T> submit(Supplier<Uni<T>> request) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> previous;
            synchronized (this) {
                previous = tail;
                tail = mine;
            }
            return Uni.createFrom().completionStage(previous)
                    .onItem().transformToUni(ignored -> pause())
                    .onItem().transformToUni(ignored -> request.get())
                    .onTermination().invoke(() -> {
                        lastFinishedAt = System.currentTimeMillis();
                        mine.complete(null);
                    });
        });
    }

    private Uni<Void> pause() {
        if (delayMillis == 0) {
            return Uni.createFrom().voidItem();
        }
        long jitter = jitterMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitterMillis, jitterMillis + 1);
        long wait = lastFinishedAt + delayMillis + jitter - System.currentTimeMillis();
        return wait <= 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(wait));
    }
}
