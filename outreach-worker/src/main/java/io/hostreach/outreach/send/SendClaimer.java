package io.hostreach.outreach.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.CampaignHolds;
import io.hostreach.outreach.campaign.SequenceStep;
import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.enrolment.Enrolment;
import io.hostreach.outreach.enrolment.EnrolmentStatus;
import io.hostreach.outreach.events.OutreachEvents;
import io.hostreach.outreach.limit.DailyCaps;
import io.hostreach.outreach.manual.TaskService;
import io.hostreach.outreach.sequence.SequenceService;
import io.hostreach.outreach.suppression.SuppressionService;
import io.hostreach.outreach.webhook.ConversationWindow;
import io.hostreach.outreach.whatsapp.Template;
import io.hostreach.outreach.whatsapp.TemplateRenderer;
import io.hostreach.outreach.window.CampaignSchedule;
import io.hostreach.outreach.window.ScheduleSpec;
import io.hostreach.outreach.window.SendWindowPolicy;
import io.hostreach.platform.events.EventTypes;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Claims due messages ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work) and puts each through
 * the guard rails, in one transaction: the suppression list, the campaign's schedule, quiet hours and the
 * legal window in the recipient's time zones, per-recipient spacing, the campaign's daily cap (and a
 * csv_import campaign's batch per slot), the account's messaging limit, and the 24-hour window for free
 * text on WhatsApp. A message that may not go yet gets a later {@code due_at}; one that may go becomes a
 * manual task or is marked SENDING, and that is committed before any provider is called.
 */
@ApplicationScoped
public class SendClaimer {

    private static final Logger LOG = Logger.getLogger(SendClaimer.class);

    private static final String CLAIM = """
            select m.* from outreach_message m
            where m.status = 'PENDING' and m.due_at <= :now and m.campaign_id = any(cast(:campaigns as uuid[]))
              and (m.kind = 'adhoc' or m.campaign_id = any(cast(:running as uuid[])))
            order by m.due_at
            limit :limit
            for update of m skip locked""";

    /** A message ready for its channel; the rest of the row is reloaded when the answer is recorded. */
    public record Prepared(UUID messageId, String channel, String senderId, OutboundMessage message) {
    }

    /** What a claim round did: what to send now, and how many rows it took (a full batch means: go again). */
    public record Claimed(List<Prepared> toSend, int rows) {
    }

    private final SuppressionService suppressions;
    private final SequenceService sequences;
    private final SendWindowPolicy windows;
    private final DailyCaps caps;
    private final TaskService tasks;
    private final CampaignHolds holds;
    private final OutreachEvents events;
    private final ObjectMapper mapper;
    private final Duration recipientSpacing;
    private final Duration slotLength;

    public SendClaimer(SuppressionService suppressions, SequenceService sequences, SendWindowPolicy windows, DailyCaps caps,
                       TaskService tasks, CampaignHolds holds, OutreachEvents events, ObjectMapper mapper,
                       @ConfigProperty(name = "hostreach.outreach.recipient-spacing", defaultValue = "PT6S") Duration recipientSpacing,
                       @ConfigProperty(name = "hostreach.outreach.schedule.slot-length", defaultValue = "PT1H") Duration slotLength) {
        this.suppressions = suppressions;
        this.sequences = sequences;
        this.windows = windows;
        this.caps = caps;
        this.tasks = tasks;
        this.holds = holds;
        this.events = events;
        this.mapper = mapper;
        this.recipientSpacing = recipientSpacing;
        this.slotLength = slotLength;
    }

    /** One claim round. Call inside a transaction; commit before sending anything it returns. */
    public Uni<Claimed> claim(Map<UUID, CampaignContext> contexts, Instant now, int limit) {
        List<CampaignContext> held = contexts.values().stream().filter(c -> c.hold() != null).toList();
        List<UUID> sendable = contexts.values().stream().filter(c -> c.hold() == null && !c.retryLater())
                .map(c -> c.campaign().id).toList();
        // A campaign that is not running sends only ad-hoc messages (a conversation goes on after a campaign ends).
        UUID[] running = contexts.values().stream().filter(c -> "running".equals(c.campaign().status))
                .map(c -> c.campaign().id).toArray(UUID[]::new);
        return Multi.createFrom().iterable(held).onItem().transformToUniAndConcatenate(c -> hold(c, now)).collect().asList()
                .chain(() -> sendable.isEmpty() ? Uni.createFrom().item(List.<OutreachMessage>of()) : Db.nativeList(CLAIM,
                        OutreachMessage.class, Map.of("now", now, "campaigns", sendable.toArray(new UUID[0]), "running", running, "limit", limit)))
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(new Claimed(List.of(), 0))
                        : new Round(contexts, rows, now).run().map(prepared -> new Claimed(prepared, rows.size())));
    }

    /** Holds a campaign that cannot send (and says why once, with one of its due messages). */
    private Uni<Void> hold(CampaignContext context, Instant now) {
        CampaignContext.Hold hold = context.hold();
        Uni<List<UUID>> held = hold.accountWide() && context.account() != null
                ? holds.holdAccount(context.account().id(), hold.code(), hold.reason())
                : holds.holdCampaign(context.campaign().id, hold.code(), hold.reason());
        return held.chain(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            LOG.warnf("campaign %s held: %s", context.campaign().id, hold.reason());
            return Db.list("from OutreachMessage where campaignId = :campaign and status = 'PENDING' order by dueAt",
                            OutreachMessage.class, Map.of("campaign", context.campaign().id))
                    .chain(due -> due.isEmpty() ? Uni.createFrom().voidItem()
                            : events.message(EventTypes.MESSAGE_FAILED, MessageEvents.paused(due.get(0), hold.errorCode(),
                            hold.reason(), hold.reason(), ids, now)));
        });
    }

    /** One batch of claimed rows, walked in due order with the counters the guards share. */
    private final class Round {

        private final Map<UUID, CampaignContext> contexts;
        private final List<OutreachMessage> rows;
        private final Instant now;
        private final List<Prepared> prepared = new ArrayList<>();
        private final Map<String, Instant> lastToRecipient = new HashMap<>();
        private final Map<String, Integer> remaining = new HashMap<>();
        private final Map<UUID, JsonNode> leads = new HashMap<>();
        private Map<UUID, Enrolment> enrolments;
        private Set<String> suppressed;
        private Map<ConversationWindow.Key, ConversationWindow> conversations;

        Round(Map<UUID, CampaignContext> contexts, List<OutreachMessage> rows, Instant now) {
            this.contexts = contexts;
            this.rows = rows;
            this.now = now;
        }

        Uni<List<Prepared>> run() {
            List<UUID> ids = rows.stream().map(m -> m.id).toList();
            List<String> phones = rows.stream().map(m -> m.phone).distinct().toList();
            List<UUID> enrolmentIds = rows.stream().map(m -> m.enrolmentId).filter(java.util.Objects::nonNull).distinct().toList();
            return (enrolmentIds.isEmpty() ? Uni.createFrom().item(List.<Enrolment>of())
                    : Db.list("from Enrolment where id in :ids", Enrolment.class, Map.of("ids", enrolmentIds)))
                    .invoke(found -> enrolments = found.stream().collect(Collectors.toMap(e -> e.id, Function.identity())))
                    .chain(this::suppressedAmong)
                    .invoke(found -> suppressed = found)
                    .chain(() -> Db.list("""
                                    select m.phone, max(m.claimedAt) from OutreachMessage m
                                    where m.phone in :phones and m.claimedAt > :since and m.id not in :ids group by m.phone""",
                            Object[].class, Map.of("phones", phones, "since", now.minus(recipientSpacing), "ids", ids)))
                    .invoke(recent -> recent.forEach(r -> lastToRecipient.put((String) r[0], (Instant) r[1])))
                    .chain(() -> Db.list("from ConversationWindow w where w.key.phone in :phones", ConversationWindow.class,
                            Map.of("phones", phones)))
                    .invoke(found -> conversations = found.stream().collect(Collectors.toMap(w -> w.key, Function.identity())))
                    .chain(() -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(this::decide)
                            .collect().asList())
                    .replaceWith(prepared);
        }

        private Uni<Set<String>> suppressedAmong() {
            Map<String, List<OutreachMessage>> byWorkspace = rows.stream()
                    .collect(Collectors.groupingBy(m -> m.workspaceId + "|" + m.environment));
            Set<String> found = new HashSet<>();
            return Multi.createFrom().iterable(byWorkspace.values())
                    .onItem().transformToUniAndConcatenate(group -> {
                        OutreachMessage first = group.get(0);
                        return suppressions.suppressedAmong(first.workspaceId, first.environment,
                                        group.stream().map(m -> m.phone).distinct().toList())
                                .invoke(phones -> phones.forEach(p -> found.add(first.workspaceId + "|" + first.environment + "|" + p)));
                    })
                    .collect().asList()
                    .replaceWith(found);
        }

        private Uni<Void> decide(OutreachMessage m) {
            CampaignContext context = contexts.get(m.campaignId);
            if (m.adhoc()) {
                return decideAdhoc(m, context);
            }
            Enrolment enrolment = enrolments.get(m.enrolmentId);
            if (enrolment == null || enrolment.status != EnrolmentStatus.ACTIVE) {
                m.status = MessageStatus.CANCELLED;
                m.updatedAt = now;
                return Uni.createFrom().voidItem();
            }
            var step = context.settings().step(m.step);
            if (step.isEmpty()) {
                // The sequence was shortened while this lead was in it: nothing more to send.
                m.status = MessageStatus.CANCELLED;
                m.updatedAt = now;
                return sequences.end(m.enrolmentId, EnrolmentStatus.COMPLETED, "sequence_shortened").replaceWithVoid();
            }
            if (suppressed.contains(m.workspaceId + "|" + m.environment + "|" + m.phone)) {
                m.status = MessageStatus.CANCELLED;
                m.updatedAt = now;
                return sequences.end(m.enrolmentId, EnrolmentStatus.SUPPRESSED, "suppressed").replaceWithVoid();
            }
            String region = enrolment.region != null ? enrolment.region : context.campaign().country;
            Instant notBefore = notBefore(m, context.settings().schedule(), region);
            if (notBefore != null) {
                return defer(m, notBefore);
            }
            Uni<Instant> capped = m.step == 1 ? firstContactDeferral(context) : Uni.createFrom().nullItem();
            return capped.chain(until -> until != null ? defer(m, until) : go(m, context, step.get(), enrolment));
        }

        /** When a first contact must wait for a cap, or null if one may go now (and is then counted). */
        private Uni<Instant> firstContactDeferral(CampaignContext context) {
            UUID campaignId = context.campaign().id;
            ZoneId zone = windows.zoneOf(context.settings().schedule().timezone());
            Instant dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            Integer dailyCap = context.settings().dailyCap();
            Uni<Instant> byDay = dailyCap == null ? Uni.createFrom().nullItem()
                    : take("day:" + campaignId, () -> caps.campaignRemaining(campaignId, dailyCap, dayStart, "day"),
                    now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
            Instant slotStart = "csv_import".equals(context.campaign().platform) && context.settings().batchSize() != null
                    ? CampaignSchedule.currentSlotStart(now, context.settings().schedule().scheduledHours(),
                    context.settings().schedule().scheduledDays(), zone, slotLength).orElse(null)
                    : null;
            return byDay.chain(dayDeferral -> {
                if (dayDeferral != null || slotStart == null) {
                    return Uni.createFrom().item(dayDeferral);
                }
                return take("slot:" + campaignId, () -> caps.campaignRemaining(campaignId, context.settings().batchSize(),
                        slotStart, "slot"), slotStart.plus(slotLength));
            }).chain(deferral -> {
                if (deferral != null || !context.countsAgainstAccountLimit()) {
                    return Uni.createFrom().item(deferral);
                }
                return take("account:" + context.account().id(), () -> caps.accountRemaining(context.account(), now),
                        now.plus(caps.accountRecheck()));
            });
        }

        /** Takes one unit of a counter (loading it on first use); answers {@code otherwise} when none is left. */
        private Uni<Instant> take(String key, Supplier<Uni<Integer>> load, Instant otherwise) {
            Uni<Integer> left = remaining.containsKey(key) ? Uni.createFrom().item(remaining.get(key))
                    : load.get().invoke(n -> remaining.put(key, n));
            return left.map(n -> {
                if (n <= 0) {
                    return otherwise;
                }
                remaining.put(key, n - 1);
                return null;
            });
        }

        private Uni<Void> go(OutreachMessage m, CampaignContext context, SequenceStep step, Enrolment enrolment) {
            JsonNode lead = leads.computeIfAbsent(enrolment.id, id -> readLead(enrolment));
            OutboundMessage.Content content;
            Template template = step.isTemplate() ? context.templates().get(step.number()) : null;
            if (step.isTemplate() && template == null) {
                return fail(m, context, null, "Template " + step.templateId() + " could not be read", "template_missing");
            }
            if (template != null) {
                List<String> parameters = TemplateRenderer.parameters(template, lead);
                String text = TemplateRenderer.body(template, parameters);
                content = context.cloudLike()
                        ? new OutboundMessage.TemplateContent(template.name(), template.language(), parameters, text)
                        : new OutboundMessage.TextContent(text);
                m.templateName = template.name();
            } else {
                content = new OutboundMessage.TextContent(TemplateRenderer.text(step.text(), lead));
                ConversationWindow window = conversations.get(new ConversationWindow.Key(context.senderId(), m.phone));
                if (context.cloudLike() && (window == null || !window.isOpenAt(now))) {
                    // WhatsApp would answer 131047: free text needs a message from the lead in the last 24 hours.
                    return fail(m, context, 131047, "More than 24 hours since the lead's last message: a template is needed",
                            "template_needed");
                }
            }
            return dispatch(m, context, content);
        }

        /**
         * When the message may not go yet, the moment it may: the schedule with quiet hours and the recipient's legal
         * window, then the spacing between two messages to one number. Null when it may go now.
         */
        private Instant notBefore(OutreachMessage m, ScheduleSpec schedule, String region) {
            Instant allowed = windows.nextAllowed(now, schedule, region).orElse(null);
            if (allowed == null) {
                LOG.warnf("campaign %s: no allowed moment within a year for a recipient in %s; looking again tomorrow",
                        m.campaignId, region);
                return now.plus(Duration.ofDays(1));
            }
            if (allowed.isAfter(now)) {
                return allowed;
            }
            Instant last = lastToRecipient.get(m.phone);
            return last != null && last.plus(recipientSpacing).isAfter(now) ? last.plus(recipientSpacing) : null;
        }

        /**
         * An ad-hoc message: the suppression list, quiet hours and the legal window (not the campaign's schedule,
         * which paces its sequence), per-recipient spacing and the 24-hour window for free text. It opens no
         * first contact, so the daily caps do not count it.
         */
        private Uni<Void> decideAdhoc(OutreachMessage m, CampaignContext context) {
            if (suppressed.contains(m.workspaceId + "|" + m.environment + "|" + m.phone)) {
                return failAdhoc(m, context, null, "The number is on the suppression list");
            }
            String region = m.region != null ? m.region : context.campaign().country;
            ScheduleSpec anyTime = new ScheduleSpec(null, null, context.settings().schedule().timezone());
            Instant notBefore = notBefore(m, anyTime, region);
            if (notBefore != null) {
                return defer(m, notBefore);
            }
            OutboundMessage.Content content;
            if (m.templateName != null) {
                content = context.cloudLike()
                        ? new OutboundMessage.TemplateContent(m.templateName, m.templateLanguage, parameters(m), m.body)
                        : new OutboundMessage.TextContent(m.body);
            } else {
                ConversationWindow window = conversations.get(new ConversationWindow.Key(context.senderId(), m.phone));
                if (context.cloudLike() && (window == null || !window.isOpenAt(now))) {
                    return failAdhoc(m, context, 131047, "More than 24 hours since the lead's last message: a template is needed");
                }
                content = new OutboundMessage.TextContent(m.body);
            }
            return dispatch(m, context, content);
        }

        private List<String> parameters(OutreachMessage m) {
            try {
                return m.templateParameters == null ? List.of()
                        : List.of(mapper.readValue(m.templateParameters, String[].class));
            } catch (Exception e) {
                return List.of();
            }
        }

        private Uni<Void> failAdhoc(OutreachMessage m, CampaignContext context, Integer code, String title) {
            m.status = MessageStatus.FAILED;
            m.channel = context.channel();
            m.errorCode = code;
            m.errorTitle = title;
            m.failedAt = now;
            m.updatedAt = now;
            return events.message(EventTypes.MESSAGE_FAILED, MessageEvents.failed(m, code, title, now));
        }

        /** The message may go: a manual task, or SENDING and handed to its channel after the commit. */
        private Uni<Void> dispatch(OutreachMessage m, CampaignContext context, OutboundMessage.Content content) {
            m.body = content.text();
            m.claimedAt = now;
            m.firstClaimedAt = m.firstClaimedAt == null ? now : m.firstClaimedAt;
            m.accountId = context.account() == null ? null : context.account().id();
            m.senderId = context.senderId();
            m.updatedAt = now;
            lastToRecipient.put(m.phone, now);
            if (CampaignContext.MANUAL.equals(context.channel())) {
                return tasks.create(m, content.text()).replaceWithVoid();
            }
            m.status = MessageStatus.SENDING;
            m.channel = context.channel();
            m.attempts++;
            prepared.add(new Prepared(m.id, context.channel(), context.senderId(),
                    new OutboundMessage(m.id, context.channel(), m.phone, context.senderId(), content, context.account())));
            return Uni.createFrom().voidItem();
        }

        /** A step that cannot be sent as configured fails here, without calling anyone; the sequence ends. */
        private Uni<Void> fail(OutreachMessage m, CampaignContext context, Integer code, String title, String reason) {
            m.status = MessageStatus.FAILED;
            m.channel = context.channel();
            m.errorCode = code;
            m.errorTitle = title;
            m.failedAt = now;
            m.updatedAt = now;
            return sequences.end(m.enrolmentId, EnrolmentStatus.FAILED, reason)
                    .chain(() -> events.message(EventTypes.MESSAGE_FAILED, MessageEvents.failed(m, code, title, now)));
        }

        private Uni<Void> defer(OutreachMessage m, Instant until) {
            m.dueAt = until;
            m.updatedAt = now;
            return Uni.createFrom().voidItem();
        }

        private JsonNode readLead(Enrolment enrolment) {
            try {
                return mapper.readTree(enrolment.lead);
            } catch (Exception e) {
                return mapper.createObjectNode();
            }
        }
    }
}
