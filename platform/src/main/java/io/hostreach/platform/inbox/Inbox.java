package io.hostreach.platform.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which events a consumer has processed, so a redelivered event has no second effect.
 * Call {@link #firstDelivery} inside the transaction of the effect: the record and the effect commit
 * together, and a concurrent duplicate waits on the primary key, then sees the row and skips.
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            insert into processed_event(event_id, consumer, event_type, processed_at)
            values (:eventId, :consumer, :type, now()) on conflict do nothing""";

    /** True the first time this consumer sees the event id; false for every repeat. */
    public Uni<Boolean> firstDelivery(String consumer, String eventId, String eventType) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("eventId", eventId)
                .setParameter("consumer", consumer)
                .setParameter("type", eventType)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
