package io.hostreach.campaign.template;

import io.hostreach.campaign.account.WhatsAppAccount;
import io.hostreach.campaign.crypto.SecretBox;
import io.hostreach.campaign.template.MetaTemplateApi.Accepted;
import io.hostreach.campaign.template.MetaTemplateApi.Answer;
import io.hostreach.campaign.template.MetaTemplateApi.Attempts;
import io.hostreach.campaign.template.MetaTemplateApi.GraphError;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Submits a stored Meta template for review, after the transaction that stored it committed: the row claims
 * the (name, language) first, so two identical requests never both reach Meta, and Meta never holds a
 * template we have no record of. The call runs with no database connection held; its outcome is written
 * in a second transaction:
 * <ul>
 *   <li>Meta accepts it: its id, status (PENDING, sometimes APPROVED at once) and category (Meta may
 *   re-categorise);</li>
 *   <li>Meta refuses the content (a Graph error): REJECTED, with Meta's message and code as statusReason;</li>
 *   <li>Meta refuses the account's token, or cannot be reached after the retries: ERROR with the reason;
 *   {@code POST /templates/{id}/submit} tries again.</li>
 * </ul>
 */
@ApplicationScoped
public class TemplateSubmitter {

    private static final Logger LOG = Logger.getLogger(TemplateSubmitter.class);
    static final Set<String> META_STATUSES = Set.of("PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED");

    private final MetaTemplateApi meta;
    private final SecretBox secrets;
    private final TemplateJson json;

    public TemplateSubmitter(MetaTemplateApi meta, SecretBox secrets, TemplateJson json) {
        this.meta = meta;
        this.secrets = secrets;
        this.json = json;
    }

    /** What Meta's answer means for the template. */
    record Outcome(String status, String reason, String metaTemplateId, String category) {
    }

    private record Target(MessageTemplate template, String token) {
    }

    public Uni<MessageTemplate> submit(UUID templateId) {
        Instant started = Instant.now();
        return Panache.withSession(() -> MessageTemplate.<MessageTemplate>findById(templateId)
                        .chain(t -> token(t).map(token -> new Target(t, token.orElse(null)))))
                .chain(target -> {
                    MessageTemplate t = target.template();
                    if (target.token() == null) {
                        return Uni.createFrom().item(new Outcome("ERROR", "No connected WhatsApp Cloud API account of WABA "
                                + t.wabaId + " has a token: connect one (POST /accounts), then POST /templates/" + t.id
                                + "/submit", null, null));
                    }
                    Attempts attempts = new Attempts();
                    return meta.create(t.wabaId, target.token(), body(t), attempts)
                            .chain(answer -> answer.error() != null && attempts.hadUnanswered()
                                    ? adoptOwnEarlierAttempt(t, target.token(), answer) : Uni.createFrom().item(answer))
                            .map(answer -> outcome(answer, t.category))
                            .onFailure(MetaTemplateApi.TransientFailure.class).recoverWithItem(e -> new Outcome("ERROR",
                                    "Meta could not be reached (" + e.getMessage() + ", after retries): POST /templates/"
                                            + t.id + "/submit to try again", null, null));
                })
                .chain(outcome -> Panache.withTransaction(() -> MessageTemplate.<MessageTemplate>findById(templateId)
                        .invoke(t -> apply(t, outcome, started))))
                .invoke(t -> LOG.infof("template %s (%s/%s) submitted to Meta: %s %s", t.id, t.name, t.language, t.status,
                        t.metaTemplateId == null ? "" : "as " + t.metaTemplateId));
    }

    /** The token of a connected Cloud API account of the template's WABA, in the template's workspace. */
    Uni<Optional<String>> token(MessageTemplate t) {
        return WhatsAppAccount.<WhatsAppAccount>find("workspaceId = ?1 and environment = ?2 and type = ?3 and status = 'connected' "
                                + "and wabaId = ?4 and tokenSealed is not null order by createdAt",
                        t.workspaceId, t.environment, WhatsAppAccount.CLOUD_API, t.wabaId).firstResult()
                .map(a -> Optional.ofNullable(a == null ? null : secrets.open(a.tokenSealed)));
    }

    /** Meta's create body: {@code {name, language, category, components}}. */
    JsonObject body(MessageTemplate t) {
        return new JsonObject().put("name", t.name).put("language", t.language).put("category", t.category)
                .put("components", new JsonArray(json.write(json.components(t))));
    }

    /**
     * An attempt that timed out may have created the template; the retry then meets Meta's "already exists".
     * If Meta has a template of this name and language now, it is ours.
     */
    private Uni<Answer> adoptOwnEarlierAttempt(MessageTemplate t, String token, Answer refused) {
        return meta.find(t.wabaId, token, t.name, t.language)
                .map(found -> found.map(a -> new Answer(a, null)).orElse(refused))
                .onFailure().recoverWithItem(refused);
    }

    static Outcome outcome(Answer answer, String submittedCategory) {
        if (answer.accepted() != null) {
            Accepted a = answer.accepted();
            String status = a.status() != null && META_STATUSES.contains(a.status()) ? a.status() : "PENDING";
            String reason = a.category() != null && !a.category().equals(submittedCategory)
                    ? "Meta categorised the template as " + a.category() + " (submitted as " + submittedCategory + ")" : null;
            return new Outcome(status, reason, a.id(), a.category());
        }
        GraphError e = answer.error();
        if (e.isAuthorization()) {
            return new Outcome("ERROR", "Meta refused the WhatsApp account's token: " + e.describe()
                    + ". Reconnect the account, then POST /templates/{id}/submit", null, null);
        }
        return new Outcome("REJECTED", "Meta refused the template: " + e.describe(), null, null);
    }

    private static void apply(MessageTemplate t, Outcome outcome, Instant started) {
        Instant now = Instant.now();
        if (outcome.metaTemplateId() != null) {
            t.metaTemplateId = outcome.metaTemplateId();
        }
        if (outcome.category() != null) {
            t.category = outcome.category();
        }
        // A status webhook may have been applied while the call was under way: it is newer than the answer.
        boolean overtaken = t.statusChangedAt != null && t.statusChangedAt.isAfter(started) && t.metaTemplateId != null;
        if (!overtaken) {
            t.status = outcome.status();
            t.statusReason = outcome.reason() == null ? null : outcome.reason().replace("{id}", t.id.toString());
            t.statusChangedAt = now;
        }
        t.updatedAt = now;
    }
}
