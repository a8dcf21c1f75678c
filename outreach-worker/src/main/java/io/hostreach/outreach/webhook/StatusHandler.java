package io.hostreach.outreach.webhook;

import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.events.OutreachEvents;
import io.hostreach.outreach.send.MessageEvents;
import io.hostreach.outreach.send.MessageStatus;
import io.hostreach.outreach.send.OutcomeRecorder;
import io.hostreach.outreach.send.OutreachMessage;
import io.hostreach.outreach.send.ProviderError;
import io.hostreach.platform.events.EventTypes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one message status from a webhook, once per (message id, status), only forward: sent <
 * delivered < read, failed is final (and a read message cannot fail). A status for a message whose send
 * answer we never recorded (SENDING, UNKNOWN) is found by {@code biz_opaque_callback_data} and settles
 * it: the message was sent after all. Call inside a transaction.
 */
@ApplicationScoped
public class StatusHandler {

    private static final Logger LOG = Logger.getLogger(StatusHandler.class);
    private static final Set<String> KNOWN = Set.of("sent", "delivered", "read", "failed");
    private static final String RECEIPT = """
            insert into message_status_receipt (provider_message_id, status, received_at) values (:id, :status, :now)
            on conflict do nothing""";

    private final OutcomeRecorder outcomes;
    private final OutreachEvents events;

    public StatusHandler(OutcomeRecorder outcomes, OutreachEvents events) {
        this.outcomes = outcomes;
        this.events = events;
    }

    public Uni<Void> handle(WebhookPayload.Status status, Instant receivedAt) {
        if (status.id() == null || status.status() == null) {
            return Uni.createFrom().voidItem();
        }
        String kind = status.status().toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(kind)) {
            return Uni.createFrom().voidItem(); // played, deleted...: nothing for outreach
        }
        return Db.execute(RECEIPT, Map.of("id", status.id(), "status", kind, "now", receivedAt)).chain(inserted -> {
            if (inserted == 0) {
                LOG.debugf("status %s of %s was processed before; skipped", kind, status.id());
                return Uni.createFrom().voidItem();
            }
            return find(status).chain(message -> {
                if (message == null) {
                    LOG.debugf("status %s for %s: no message of ours", kind, status.id());
                    return Uni.createFrom().voidItem();
                }
                return apply(message, status, kind, status.at(receivedAt));
            });
        });
    }

    /** By the provider's id; else by our id in the callback data, if the provider's id was never recorded. */
    private Uni<OutreachMessage> find(WebhookPayload.Status status) {
        return lockOne("from OutreachMessage where providerMessageId = :id", Map.of("id", status.id())).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            UUID ours = uuid(status.bizOpaqueCallbackData());
            if (ours == null) {
                return Uni.createFrom().nullItem();
            }
            return lockOne("from OutreachMessage where id = :id", Map.of("id", ours)).map(m -> m != null
                    && m.providerMessageId == null && !status.id().equals(m.previousProviderMessageId) ? m : null);
        });
    }

    private Uni<Void> apply(OutreachMessage m, WebhookPayload.Status status, String kind, Instant at) {
        if (m.status == MessageStatus.FAILED || m.status == MessageStatus.CANCELLED) {
            return Uni.createFrom().voidItem(); // final
        }
        if ("failed".equals(kind)) {
            if (m.status == MessageStatus.READ || m.status == MessageStatus.PENDING) {
                return Uni.createFrom().voidItem(); // read proves delivery; a pending message is not this attempt
            }
            if (m.providerMessageId == null) {
                m.providerMessageId = status.id();
            }
            return outcomes.rejected(m, error(status), at, false);
        }
        Uni<Void> sent = m.status.awaitsProvider()
                ? campaign(m).chain(c -> outcomes.accepted(m, status.id(), status.recipientId(), at, c))
                : Uni.createFrom().voidItem();
        return sent.chain(() -> {
            if (m.status.deliveryRank() == 0) {
                return Uni.createFrom().voidItem();
            }
            if ("delivered".equals(kind)) {
                return m.status == MessageStatus.SENT ? delivered(m, at) : Uni.createFrom().voidItem();
            }
            if ("read".equals(kind) && m.status != MessageStatus.READ) {
                // Meta may skip "delivered" when both happen at once: read implies it.
                Uni<Void> implied = m.status == MessageStatus.SENT ? delivered(m, at) : Uni.createFrom().voidItem();
                return implied.chain(() -> {
                    m.status = MessageStatus.READ;
                    m.readAt = at;
                    m.updatedAt = at;
                    return events.message(EventTypes.MESSAGE_READ, MessageEvents.of(m, at));
                });
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> delivered(OutreachMessage m, Instant at) {
        m.status = MessageStatus.DELIVERED;
        m.deliveredAt = at;
        m.updatedAt = at;
        return events.message(EventTypes.MESSAGE_DELIVERED, MessageEvents.of(m, at));
    }

    private static Uni<Campaign> campaign(OutreachMessage m) {
        return Panache.getSession().chain(s -> s.find(Campaign.class, m.campaignId));
    }

    private static ProviderError error(WebhookPayload.Status status) {
        if (status.errors() == null || status.errors().isEmpty()) {
            return new ProviderError(null, null, "failed without an error code", null, 0, false);
        }
        WebhookPayload.ErrorItem e = status.errors().get(0);
        return new ProviderError(e.code(), null, e.title() != null ? e.title() : e.message(),
                e.errorData() == null ? null : e.errorData().details(), 0, false);
    }

    private static Uni<OutreachMessage> lockOne(String hql, Map<String, Object> params) {
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(hql, OutreachMessage.class).setLockMode(LockModeType.PESSIMISTIC_WRITE);
            params.forEach(query::setParameter);
            return query.getSingleResultOrNull();
        });
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
