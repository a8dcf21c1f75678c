package io.hostreach.platform.outbox;

import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.CloudEventCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes events into the outbox. Call it inside the transaction that makes the change, so the change
 * and its event commit together or not at all; then call {@link OutboxRelay#kick()} after commit.
 */
@ApplicationScoped
public class Outbox {

    private final CloudEventCodec codec;

    public Outbox(CloudEventCodec codec) {
        this.codec = codec;
    }

    public Uni<OutboxEvent> append(String topic, String key, CloudEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.topic = topic;
        row.messageKey = key;
        row.eventType = event.type();
        row.payload = codec.write(event);
        row.createdAt = Instant.now();
        return row.persist();
    }
}
