package io.hostreach.campaign.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Queues a customer event for every enabled subscription that asked for it. Call it inside the transaction
 * of the change: the change and its deliveries commit together, so none is lost and none is invented.
 */
@ApplicationScoped
public class WebhookQueue {

    private final ObjectMapper mapper;

    public WebhookQueue(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> publish(UUID workspaceId, String environment, String type, JsonNode data) {
        return WebhookSubscription.<WebhookSubscription>find("workspaceId = ?1 and environment = ?2 and enabled = true",
                        workspaceId, environment).list()
                .chain(subscriptions -> {
                    List<WebhookSubscription> matching = subscriptions.stream()
                            .filter(s -> Arrays.asList(s.events.split(",")).contains(type)).toList();
                    if (matching.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID eventId = UUID.randomUUID();
                    Instant now = Instant.now();
                    String payload = body(eventId, type, now, data);
                    // One session: its operations must run one after another.
                    return Multi.createFrom().iterable(matching).onItem()
                            .transformToUniAndConcatenate(s -> enqueue(s.id, eventId, type, payload, now))
                            .collect().last().replaceWithVoid();
                });
    }

    /** A delivery to one subscription only, for POST /webhooks/{id}/test. */
    Uni<WebhookDelivery> publishTo(WebhookSubscription subscription, String type, JsonNode data) {
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        return enqueue(subscription.id, eventId, type, body(eventId, type, now, data), now);
    }

    private Uni<WebhookDelivery> enqueue(UUID subscriptionId, UUID eventId, String type, String payload, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscriptionId;
        delivery.eventId = eventId;
        delivery.eventType = type;
        delivery.payload = payload;
        delivery.status = WebhookDelivery.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery.persist();
    }

    /** {@code {id, type, createdAt, data}}: the body customers verify and parse. */
    private String body(UUID eventId, String type, Instant createdAt, JsonNode data) {
        ObjectNode body = mapper.createObjectNode();
        body.put("id", eventId.toString());
        body.put("type", type);
        body.put("createdAt", createdAt.toString());
        body.set("data", data);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
