package io.hostreach.outreach.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.enrolment.Enrolment;
import io.hostreach.outreach.phone.Phones;
import io.hostreach.outreach.phone.Recipient;
import io.hostreach.outreach.suppression.SuppressionService;
import io.hostreach.outreach.webhook.ConversationWindow;
import io.hostreach.outreach.whatsapp.AccountDirectory;
import io.hostreach.outreach.whatsapp.DirectoryException;
import io.hostreach.outreach.whatsapp.Template;
import io.hostreach.outreach.whatsapp.TemplateRenderer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Queues an ad-hoc message in the send log, where the dispatcher claims it like any step: suppression list,
 * quiet hours and legal windows, spacing, the 24-hour window and at-most-once all apply there. What can be
 * known now is refused now, so the caller gets a clear answer: a suppressed number, free text outside the
 * 24-hour window (409), a template that cannot be sent (422). The client key makes a retry find the first
 * message instead of queueing a second one.
 */
@ApplicationScoped
public class AdhocMessageService {

    public static final int MAX_TEXT = 4096;

    /** What {@link #queue} did: the message, and whether this call created it. */
    public record Queued(MessageView message, boolean created) {
    }

    private final CampaignContextResolver resolver;
    private final AccountDirectory directory;
    private final SuppressionService suppressions;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AdhocMessageService(CampaignContextResolver resolver, AccountDirectory directory, SuppressionService suppressions,
                               ObjectMapper mapper, Clock clock) {
        this.resolver = resolver;
        this.directory = directory;
        this.suppressions = suppressions;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Uni<Queued> queue(UUID workspaceId, String environment, AdhocRequest r) {
        if (r == null) {
            throw new BadRequestException("A body is required");
        }
        UUID leadId = uuid(r.leadId(), "leadId");
        UUID campaignId = uuid(r.campaignId(), "campaignId");
        Recipient recipient = Phones.any(r.phone(), null)
                .orElseThrow(() -> new BadRequestException("phone must be a valid E.164 number"));
        boolean template = r.templateId() != null && !r.templateId().isBlank();
        boolean text = r.text() != null && !r.text().isBlank();
        if (template == text) {
            throw new BadRequestException("exactly one of text and templateId is required");
        }
        if (text && r.text().length() > MAX_TEXT) {
            throw new BadRequestException("text must be at most " + MAX_TEXT + " characters");
        }
        if (r.clientKey() == null || r.clientKey().isBlank() || r.clientKey().length() > 320) {
            throw new BadRequestException("clientKey is required (1 to 320 characters)");
        }
        Instant now = clock.instant();
        Instant due = scheduledAt(r.scheduledAt(), now);
        return existing(workspaceId, environment, r.clientKey()).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(new Queued(MessageView.of(found), false));
            }
            return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(Campaign.class, campaignId)))
                    .chain(campaign -> {
                        if (campaign == null || !campaign.workspaceId.equals(workspaceId)
                                || !campaign.environment.equals(environment)) {
                            throw new NotFoundException("Campaign " + campaignId + " is not known to outreach");
                        }
                        return resolver.resolve(campaign);
                    })
                    .chain(context -> {
                        if (context.hold() != null) {
                            throw new ClientErrorException("The campaign's sends are held: " + context.hold().reason(), 409);
                        }
                        if (context.retryLater()) {
                            throw new ServiceUnavailableException("The campaign's account cannot be read now; retry shortly");
                        }
                        if (r.accountId() != null && (context.account() == null || !r.accountId().equals(context.account().id()))) {
                            throw new ClientErrorException("accountId " + r.accountId() + " is not the account campaign "
                                    + campaignId + " sends from; ad-hoc messages go from the campaign's account", 422);
                        }
                        Uni<Template> fetched = template ? template(r.templateId(), context) : Uni.createFrom().nullItem();
                        return fetched.chain(t -> store(workspaceId, environment, leadId, campaignId, recipient, r, t, context,
                                due, now));
                    });
        });
    }

    private Uni<Template> template(String templateId, CampaignContext context) {
        return directory.template(templateId)
                .onFailure(DirectoryException.class).transform(failure -> ((DirectoryException) failure).notFound()
                        ? new ClientErrorException("Template " + templateId + " not found", 422)
                        : new ServiceUnavailableException("Templates cannot be read now; retry shortly"))
                .invoke(t -> {
                    if (context.sendsThroughCloudApi() && (!t.isMeta() || !Template.APPROVED.equals(t.status()))) {
                        throw new ClientErrorException("Template " + t.name() + " is not an approved Meta template: the "
                                + "Cloud API sends only those", 422);
                    }
                });
    }

    private Uni<Queued> store(UUID workspaceId, String environment, UUID leadId, UUID campaignId, Recipient recipient,
                              AdhocRequest r, Template template, CampaignContext context, Instant due, Instant now) {
        return Panache.withTransaction(() -> suppressions.isSuppressed(workspaceId, environment, recipient.e164())
                .chain(suppressed -> {
                    if (suppressed) {
                        throw new ClientErrorException(recipient.e164() + " is on the suppression list: it is never messaged", 409);
                    }
                    if (template != null || !context.cloudLike()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Panache.getSession().chain(s -> s.find(ConversationWindow.class,
                                    new ConversationWindow.Key(context.senderId(), recipient.e164())))
                            .invoke(window -> {
                                if (window == null || !window.isOpenAt(now)) {
                                    throw new ClientErrorException("The lead has not written in the last 24 hours: free text "
                                            + "is not allowed, a template is needed (send-template)", 409);
                                }
                            }).replaceWithVoid();
                })
                .chain(() -> Db.list("from Enrolment where leadId = :lead and campaignId = :campaign", Enrolment.class,
                        Map.of("lead", leadId, "campaign", campaignId)))
                .chain(enrolments -> {
                    Enrolment enrolment = enrolments.isEmpty() ? null : enrolments.get(0);
                    OutreachMessage m = OutreachMessage.pending(enrolment == null ? null : enrolment.id, leadId, campaignId,
                            workspaceId, environment, 0, recipient.e164(), due, now);
                    m.kind = OutreachMessage.ADHOC;
                    m.clientKey = r.clientKey();
                    m.region = recipient.region();
                    m.accountId = context.account() == null ? null : context.account().id();
                    if (template != null) {
                        JsonNode lead = r.lead() != null ? r.lead() : read(enrolment);
                        List<String> parameters = TemplateRenderer.parameters(template, lead);
                        m.templateName = template.name();
                        m.templateLanguage = template.language();
                        m.templateParameters = json(parameters);
                        m.body = TemplateRenderer.body(template, parameters);
                    } else {
                        m.body = r.text();
                    }
                    return Panache.getSession().chain(s -> s.persist(m)).replaceWith(m);
                }))
                .map(m -> new Queued(MessageView.of(m), true))
                // The same key raced in from another request: that one's message is the answer.
                .onFailure(failure -> isUniqueViolation(failure)).recoverWithUni(() -> existing(workspaceId, environment,
                        r.clientKey()).map(found -> new Queued(MessageView.of(found), false)));
    }

    private static Uni<OutreachMessage> existing(UUID workspaceId, String environment, String clientKey) {
        return Panache.withSession(() -> Db.list("""
                        from OutreachMessage where workspaceId = :ws and environment = :env and clientKey = :key""",
                OutreachMessage.class, Map.of("ws", workspaceId, "env", environment, "key", clientKey)))
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    private JsonNode read(Enrolment enrolment) {
        try {
            return enrolment == null ? mapper.createObjectNode() : mapper.readTree(enrolment.lead);
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }

    private String json(List<String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("outreach_message_client_key_idx")) {
                return true;
            }
        }
        return false;
    }

    private static Instant scheduledAt(String raw, Instant now) {
        if (raw == null || raw.isBlank()) {
            return now;
        }
        try {
            Instant at = Instant.parse(raw);
            return at.isBefore(now) ? now : at;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("scheduledAt must be an ISO-8601 timestamp");
        }
    }

    private static UUID uuid(String raw, String field) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadRequestException(field + " must be a UUID");
        }
    }
}
