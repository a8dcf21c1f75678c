package io.hostreach.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/** Deletes published outbox rows once they are older than the retention; the table stays small. */
@ApplicationScoped
public class OutboxHousekeeping {

    private final Duration retention;

    public OutboxHousekeeping(@ConfigProperty(name = "hostreach.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.retention = retention;
    }

    @Scheduled(identity = "outbox-housekeeping", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        Instant cutoff = Instant.now().minus(retention);
        return Panache.withTransaction(() -> OutboxEvent.delete("publishedAt < ?1", cutoff)).replaceWithVoid();
    }
}
