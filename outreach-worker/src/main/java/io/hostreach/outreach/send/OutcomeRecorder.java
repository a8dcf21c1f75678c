package io.hostreach.outreach.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.campaign.CampaignHolds;
import io.hostreach.outreach.campaign.CampaignSettings;
import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.enrolment.Enrolment;
import io.hostreach.outreach.enrolment.EnrolmentStatus;
import io.hostreach.outreach.events.LeadOptedOut;
import io.hostreach.outreach.events.OutreachEvents;
import io.hostreach.outreach.sequence.SequenceService;
import io.hostreach.outreach.suppression.SuppressionService;
import io.hostreach.outreach.suppression.SuppressionSource;
import io.hostreach.platform.events.EventTypes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies what providers said to messages: accepted ones are SENT and the sequence moves on; refused ones
 * follow {@link ErrorPolicy} (retry after a backoff, retry once after a day, suppress, end the sequence,
 * hold the campaign or the account); an answer we never got leaves the message UNKNOWN. The same rules
 * serve asynchronous failures from status webhooks. Call inside a transaction.
 */
@ApplicationScoped
public class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);
    static final String OPTED_OUT_131050 = "WhatsApp error 131050: the user stopped marketing messages from this business";

    private final ErrorPolicy policy;
    private final SequenceService sequences;
    private final SuppressionService suppressions;
    private final CampaignHolds holds;
    private final OutreachEvents events;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Instance<Dispatcher> dispatcher;

    public OutcomeRecorder(ErrorPolicy policy, SequenceService sequences, SuppressionService suppressions, CampaignHolds holds,
                           OutreachEvents events, ObjectMapper mapper, Clock clock, Instance<Dispatcher> dispatcher) {
        this.policy = policy;
        this.sequences = sequences;
        this.suppressions = suppressions;
        this.holds = holds;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /**
     * Records a batch of synchronous answers: the rows are locked, each answer applied in order, and the
     * leads whose last step went out are completed with one statement.
     */
    public Uni<Void> record(List<Delivery> deliveries) {
        List<UUID> ids = deliveries.stream().map(d -> d.prepared().messageId()).toList();
        return lock(ids).chain(messages -> campaigns(messages).chain(campaigns -> {
            Map<UUID, OutreachMessage> byId = new HashMap<>();
            messages.forEach(m -> byId.put(m.id, m));
            Map<UUID, CampaignSettings> settings = new HashMap<>();
            campaigns.forEach((id, c) -> settings.put(id, CampaignSettings.of(c, mapper)));
            List<UUID> completed = new ArrayList<>();
            return Multi.createFrom().iterable(deliveries)
                    .onItem().transformToUniAndConcatenate(d -> {
                        OutreachMessage m = byId.get(d.prepared().messageId());
                        return m == null ? Uni.createFrom().voidItem() : apply(m, d, settings.get(m.campaignId), completed);
                    })
                    .collect().asList()
                    .chain(() -> sequences.complete(completed));
        }));
    }

    private static Uni<List<OutreachMessage>> lock(List<UUID> ids) {
        return Panache.getSession().chain(s -> s
                .createSelectionQuery("from OutreachMessage where id in :ids order by id", OutreachMessage.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
    }

    private static Uni<Map<UUID, Campaign>> campaigns(List<OutreachMessage> messages) {
        List<UUID> ids = messages.stream().map(m -> m.campaignId).distinct().toList();
        return Db.list("from Campaign where id in :ids", Campaign.class, Map.of("ids", ids)).map(found -> {
            Map<UUID, Campaign> map = new HashMap<>();
            found.forEach(c -> map.put(c.id, c));
            return map;
        });
    }

    private Uni<Void> apply(OutreachMessage m, Delivery delivery, CampaignSettings settings, List<UUID> completed) {
        SendResult result = delivery.result();
        if (result instanceof SendResult.Accepted accepted) {
            // Sent when the request left (the next step's delay counts from then), not when the answer came.
            return accepted(m, accepted.providerMessageId(), accepted.waId(), delivery.sentAt(), settings, completed);
        }
        if (result instanceof SendResult.Rejected rejected) {
            if (!m.status.awaitsProvider()) {
                return Uni.createFrom().voidItem(); // a webhook settled it meanwhile
            }
            return rejected(m, rejected.error(), delivery.answeredAt(), true);
        }
        String reason = ((SendResult.Unknown) result).reason();
        if (m.status == MessageStatus.SENDING) {
            LOG.warnf("message %s: no answer we can trust from the provider (%s); UNKNOWN until a status webhook says", m.id, reason);
            m.status = MessageStatus.UNKNOWN;
            m.errorTitle = "No answer from the provider: " + reason;
            m.updatedAt = clock.instant();
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The provider has the message (its answer, or a status webhook for a message whose answer was lost):
     * SENT once, message.sent once, and the next step scheduled.
     */
    public Uni<Void> accepted(OutreachMessage m, String providerMessageId, String waId, Instant sentAt, Campaign campaign) {
        List<UUID> completed = new ArrayList<>();
        return accepted(m, providerMessageId, waId, sentAt, campaign == null ? null : CampaignSettings.of(campaign, mapper),
                completed).chain(() -> sequences.complete(completed));
    }

    private Uni<Void> accepted(OutreachMessage m, String providerMessageId, String waId, Instant sentAt, CampaignSettings settings,
                               List<UUID> completed) {
        if (m.providerMessageId == null) {
            m.providerMessageId = providerMessageId;
        }
        if (waId != null) {
            m.waId = waId;
        }
        m.updatedAt = clock.instant();
        if (!m.status.awaitsProvider()) {
            return Uni.createFrom().voidItem(); // already settled (by a webhook, or cancelled meanwhile)
        }
        m.status = MessageStatus.SENT;
        m.sentAt = sentAt;
        m.errorCode = null;
        m.errorTitle = null;
        Uni<Void> advance = settings == null || m.adhoc() ? Uni.createFrom().voidItem()
                : sequences.advance(m, settings, sentAt, completed);
        return events.message(EventTypes.MESSAGE_SENT, MessageEvents.of(m, sentAt)).chain(() -> advance);
    }

    /**
     * A refusal, synchronous ({@code beforeAcceptance}: the provider never took the message) or from a
     * failed status webhook (it took it, then could not deliver it).
     */
    public Uni<Void> rejected(OutreachMessage m, ProviderError error, Instant at, boolean beforeAcceptance) {
        ErrorAction action = policy.actionFor(error);
        String title = policy.title(error);
        m.errorCode = error.code();
        m.errorTitle = title;
        m.updatedAt = clock.instant();
        return switch (action) {
            case RETRY -> beforeAcceptance && policy.attemptsLeft(m.attempts)
                    ? retry(m, at.plus(policy.backoff(error, m.attempts)))
                    : fail(m, error, title, at, EnrolmentStatus.FAILED, "retries_exhausted");
            case RETRY_AFTER_A_DAY -> {
                if (!m.ecosystemRetried) {
                    m.ecosystemRetried = true;
                    yield unscheduleNext(m).chain(() -> retry(m, at.plus(Duration.ofHours(24))));
                }
                yield fail(m, error, title, at, EnrolmentStatus.FAILED, "ecosystem_limit");
            }
            case SUPPRESS -> fail(m, error, title, at, null, null).chain(() -> optOut(m, at));
            case NOT_ON_WHATSAPP -> fail(m, error, title, at, EnrolmentStatus.FAILED, "not_on_whatsapp");
            case TEMPLATE_NEEDED -> fail(m, error, title, at, EnrolmentStatus.FAILED, "template_needed");
            case FAIL -> fail(m, error, title, at, EnrolmentStatus.FAILED, "provider_error");
            case PAUSE_CAMPAIGN, PAUSE_ACCOUNT -> pause(m, error, title, action, at, beforeAcceptance);
        };
    }

    /** The same message goes again later: it is the same step, so the step still goes at most once. */
    private Uni<Void> retry(OutreachMessage m, Instant due) {
        if (m.providerMessageId != null) {
            // Statuses of the refused attempt must not settle the next one.
            m.previousProviderMessageId = m.providerMessageId;
            m.providerMessageId = null;
        }
        m.status = MessageStatus.PENDING;
        m.dueAt = due;
        m.sentAt = null;
        dispatcher.get().wakeAt(due); // a short backoff should not wait for the next tick
        return Uni.createFrom().voidItem();
    }

    /** A failure after acceptance: the next step was scheduled at acceptance; it waits for the retried one. */
    private static Uni<Void> unscheduleNext(OutreachMessage m) {
        if (m.adhoc()) {
            return Uni.createFrom().voidItem();
        }
        return Db.update("delete from OutreachMessage where enrolmentId = :enrolment and step = :next and status = 'PENDING'",
                Map.of("enrolment", m.enrolmentId, "next", m.step + 1)).replaceWithVoid();
    }

    private Uni<Void> fail(OutreachMessage m, ProviderError error, String title, Instant at, EnrolmentStatus endAs, String reason) {
        m.status = MessageStatus.FAILED;
        m.failedAt = at;
        // An ad-hoc message failing says nothing about the lead's sequence (the suppression list still applies).
        Uni<Boolean> end = endAs == null || m.adhoc() ? Uni.createFrom().item(false) : sequences.end(m.enrolmentId, endAs, reason);
        return end.chain(() -> events.message(EventTypes.MESSAGE_FAILED, MessageEvents.failed(m, error.code(), title, at)));
    }

    /** WhatsApp says the user stopped marketing messages (131050): the number is suppressed at once. */
    private Uni<Void> optOut(OutreachMessage m, Instant at) {
        return suppressions.add(m.workspaceId, m.environment, m.phone, OPTED_OUT_131050, SuppressionSource.WHATSAPP_OPT_OUT,
                        EnrolmentStatus.OPTED_OUT)
                .chain(ended -> {
                    // This lead, and any other lead with the number whose sequence this ended.
                    Map<UUID, LeadOptedOut> announce = new LinkedHashMap<>();
                    announce.put(m.leadId, new LeadOptedOut(m.leadId, m.campaignId, m.workspaceId, m.environment, m.phone,
                            OPTED_OUT_131050, at));
                    for (Enrolment e : ended) {
                        announce.putIfAbsent(e.leadId, new LeadOptedOut(e.leadId, e.campaignId, e.workspaceId, e.environment,
                                m.phone, OPTED_OUT_131050, at));
                    }
                    return Multi.createFrom().iterable(announce.values()).onItem().transformToUniAndConcatenate(events::optedOut)
                            .collect().asList().replaceWithVoid();
                });
    }

    /**
     * The campaign (or every campaign of the account) is held; the event says so, with the reason, so
     * campaign-service can pause it and show why. A message refused before acceptance waits with its
     * campaign and goes when it is resumed; one the provider had taken (a webhook failure) failed for good.
     */
    private Uni<Void> pause(OutreachMessage m, ProviderError error, String title, ErrorAction action, Instant at,
                            boolean beforeAcceptance) {
        String reason = policy.pauseReason(error, action);
        String code = error.code() == null ? "http_" + error.httpStatus() : String.valueOf(error.code());
        Uni<List<UUID>> held = action == ErrorAction.PAUSE_ACCOUNT && m.accountId != null
                ? holds.holdAccount(m.accountId, code, reason)
                : holds.holdCampaign(m.campaignId, code, reason);
        if (beforeAcceptance) {
            m.status = MessageStatus.PENDING;
            m.dueAt = at;
        } else {
            m.status = MessageStatus.FAILED;
            m.failedAt = at;
        }
        return held.chain(ids -> {
            if (ids.isEmpty()) {
                // Already held by an earlier message: that one carried the reason.
                return beforeAcceptance ? Uni.createFrom().voidItem()
                        : events.message(EventTypes.MESSAGE_FAILED, MessageEvents.failed(m, error.code(), title, at));
            }
            LOG.warnf("message %s: %s", m.id, reason);
            return events.message(EventTypes.MESSAGE_FAILED, MessageEvents.paused(m, error.code(), title, reason, ids, at));
        });
    }
}
