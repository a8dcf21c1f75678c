package io.hostreach.outreach.webhook;

import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.enrolment.Enrolment;
import io.hostreach.outreach.enrolment.EnrolmentStatus;
import io.hostreach.outreach.events.LeadOptedOut;
import io.hostreach.outreach.events.LeadReplied;
import io.hostreach.outreach.events.OutreachEvents;
import io.hostreach.outreach.phone.Phones;
import io.hostreach.outreach.sequence.SequenceService;
import io.hostreach.outreach.suppression.SuppressionService;
import io.hostreach.outreach.suppression.SuppressionSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A message from a user to one of our business numbers, once per message id. It refreshes the 24-hour
 * window; then, opt-out words first: an opt-out puts the number on the suppression list at once (in every
 * workspace it came through) and announces lead.opted-out; any other message is a reply that ends the
 * lead's sequence and announces lead.replied. The lead is the one we messaged from that number (or the
 * one whose template the user answered). Call inside a transaction.
 */
@ApplicationScoped
public class InboundHandler {

    private static final Logger LOG = Logger.getLogger(InboundHandler.class);
    private static final String RECORD = """
            insert into inbound_message (id, sender_id, phone, received_at) values (:id, :sender, :phone, :now)
            on conflict do nothing""";
    private static final String WINDOW = """
            insert into conversation_window (sender_id, phone, last_inbound_at) values (:sender, :phone, :at)
            on conflict (sender_id, phone)
            do update set last_inbound_at = greatest(conversation_window.last_inbound_at, excluded.last_inbound_at)""";

    private final SuppressionService suppressions;
    private final SequenceService sequences;
    private final OutreachEvents events;

    public InboundHandler(SuppressionService suppressions, SequenceService sequences, OutreachEvents events) {
        this.suppressions = suppressions;
        this.sequences = sequences;
        this.events = events;
    }

    public Uni<Void> handle(WebhookPayload.Inbound message, String senderId, Instant receivedAt) {
        if (message.id() == null || message.from() == null || senderId == null) {
            return Uni.createFrom().voidItem();
        }
        String phone = Phones.fromDigits(message.from());
        Instant at = message.at(receivedAt);
        return Db.execute(RECORD, Map.of("id", message.id(), "sender", senderId, "phone", phone, "now", receivedAt))
                .chain(inserted -> {
                    if (inserted == 0) {
                        return Uni.createFrom().voidItem(); // a redelivery
                    }
                    return Db.execute(WINDOW, Map.of("sender", senderId, "phone", phone, "at", at))
                            .chain(() -> leads(message, senderId, phone))
                            .chain(leads -> {
                                if (leads.isEmpty()) {
                                    LOG.debugf("inbound message %s to %s matches no lead we contacted", message.id(), senderId);
                                    return Uni.createFrom().voidItem();
                                }
                                boolean optOut = OptOutWords.isOptOut(message.content()) || OptOutWords.isOptOut(message.payload());
                                return optOut ? optOut(leads, phone, message, at) : replied(leads, message, at);
                            });
                });
    }

    /** The enrolments we messaged this user in, from this business number, or whose template the user answered. */
    private Uni<List<Enrolment>> leads(WebhookPayload.Inbound message, String senderId, String phone) {
        String answered = message.context() == null ? null : message.context().id();
        return Db.list("""
                        select distinct e from Enrolment e, OutreachMessage m
                        where m.enrolmentId = e.id and m.senderId = :sender and (m.phone = :phone or m.waId = :from)
                          and m.status not in ('PENDING', 'CANCELLED')""", Enrolment.class,
                Map.of("sender", senderId, "phone", phone, "from", message.from()))
                .chain(bySender -> answered == null ? Uni.createFrom().item(bySender) : Db.list("""
                                select e from Enrolment e, OutreachMessage m
                                where m.enrolmentId = e.id and (m.providerMessageId = :wamid or m.previousProviderMessageId = :wamid)""",
                        Enrolment.class, Map.of("wamid", answered)).map(byContext -> {
                            Map<UUID, Enrolment> all = new LinkedHashMap<>();
                            byContext.forEach(e -> all.put(e.id, e));
                            bySender.forEach(e -> all.putIfAbsent(e.id, e));
                            return new ArrayList<>(all.values());
                        }));
    }

    private Uni<Void> replied(List<Enrolment> leads, WebhookPayload.Inbound message, Instant at) {
        return Multi.createFrom().iterable(leads).onItem().transformToUniAndConcatenate(e -> {
            if (e.status == EnrolmentStatus.OPTED_OUT || e.status == EnrolmentStatus.SUPPRESSED) {
                return Uni.createFrom().voidItem();
            }
            return sequences.end(e.id, EnrolmentStatus.REPLIED, "replied")
                    .chain(() -> events.replied(new LeadReplied(e.leadId, e.campaignId, e.workspaceId, e.environment,
                            message.content(), at)));
        }).collect().asList().replaceWithVoid();
    }

    private Uni<Void> optOut(List<Enrolment> leads, String phone, WebhookPayload.Inbound message, Instant at) {
        String reason = "opt-out reply \"" + truncate(message.content()) + "\"";
        Map<String, List<Enrolment>> byWorkspace = new HashMap<>();
        leads.forEach(e -> byWorkspace.computeIfAbsent(e.workspaceId + "|" + e.environment, k -> new ArrayList<>()).add(e));
        return Multi.createFrom().iterable(byWorkspace.values()).onItem().transformToUniAndConcatenate(group -> {
            Enrolment first = group.get(0);
            return suppressions.add(first.workspaceId, first.environment, phone, reason, SuppressionSource.OPT_OUT,
                            EnrolmentStatus.OPTED_OUT)
                    .chain(ended -> {
                        // Every lead with this number in the workspace: the ones we messaged and any other still running.
                        Map<String, Enrolment> announce = new LinkedHashMap<>();
                        group.forEach(e -> announce.put(e.leadId + "|" + e.campaignId, e));
                        ended.forEach(e -> announce.putIfAbsent(e.leadId + "|" + e.campaignId, e));
                        return Multi.createFrom().iterable(announce.values()).onItem().transformToUniAndConcatenate(e ->
                                        events.optedOut(new LeadOptedOut(e.leadId, e.campaignId, e.workspaceId, e.environment,
                                                phone, reason, at)))
                                .collect().asList();
                    });
        }).collect().asList().invoke(() -> LOG.infof("opt-out reply: %s suppressed in %d workspace(s)", mask(phone),
                byWorkspace.size())).replaceWithVoid();
    }

    private static String truncate(String text) {
        return text == null ? "" : text.length() > 100 ? text.substring(0, 100) : text;
    }

    /** Logs carry only the end of a number. */
    static String mask(String phone) {
        return phone == null || phone.length() < 4 ? "***" : "***" + phone.substring(phone.length() - 3);
    }
}
