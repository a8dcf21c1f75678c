package io.hostreach.campaign.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.account.WhatsAppAccount;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.auth.Environment;
import io.hostreach.campaign.template.TemplateRules.Definition;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Message templates: create (Meta templates of live keys are then submitted to Meta), list, read, change,
 * delete, submit again. Test-mode templates never leave the system: the sandbox approves them at once, as
 * it stands in for WhatsApp. Text templates need no approval: they are APPROVED (usable) from the start.
 */
@ApplicationScoped
public class TemplateService {

    private static final Logger LOG = Logger.getLogger(TemplateService.class);
    public static final List<String> STATUSES = List.of("PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED", "ERROR");
    static final String SANDBOX_APPROVED = "Approved by the sandbox: test-mode templates are never sent to Meta";

    private final TemplateJson json;
    private final TemplateSubmitter submitter;
    private final MetaTemplateApi meta;

    public TemplateService(TemplateJson json, TemplateSubmitter submitter, MetaTemplateApi meta) {
        this.json = json;
        this.submitter = submitter;
        this.meta = meta;
    }

    public Uni<TemplateView> create(AuthenticatedKey key, JsonNode body) {
        ObjectNode request = JsonBody.requireObject(body);
        Violations v = new Violations();
        Definition d = TemplateRules.check(request, v);
        v.throwIfAny();
        boolean submit = d.apiType().equals(MessageTemplate.META_API) && key.environment() == Environment.LIVE;
        return Panache.withTransaction(() -> ensureUnique(key, d.name(), d.language(), null)
                        .chain(() -> submit ? wabaOf(key, d.wabaId()) : Uni.createFrom().item(d.wabaId()))
                        .chain(wabaId -> persistNew(key, d, wabaId, submit)))
                .chain(t -> submit ? submitter.submit(t.id) : Uni.createFrom().item(t))
                .map(json::view);
    }

    private Uni<MessageTemplate> persistNew(AuthenticatedKey key, Definition d, String wabaId, boolean submit) {
        Instant now = Instant.now();
        MessageTemplate t = new MessageTemplate();
        t.id = UUID.randomUUID();
        t.workspaceId = key.workspaceId();
        t.environment = key.environment().apiValue();
        t.wabaId = wabaId;
        define(t, d);
        t.status = submit ? "PENDING" : "APPROVED";
        t.statusReason = submit ? "Being submitted to Meta" : d.apiType().equals(MessageTemplate.META_API) ? SANDBOX_APPROVED : null;
        t.statusChangedAt = now;
        t.createdAt = now;
        t.updatedAt = now;
        return t.<MessageTemplate>persist().invoke(saved -> LOG.infof("template %s (%s, %s/%s) created", saved.id, saved.apiType,
                saved.name, saved.language));
    }

    public Uni<PageView<TemplateView>> list(AuthenticatedKey key, String apiType, String status, PageRequest page) {
        if (apiType != null && !TemplateRules.API_TYPES.contains(apiType)) {
            throw ApiException.badRequest("apiType must be one of " + String.join(", ", TemplateRules.API_TYPES));
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of " + String.join(", ", STATUSES));
        }
        StringBuilder where = new StringBuilder("workspaceId = :ws and environment = :env");
        Parameters params = Parameters.with("ws", key.workspaceId()).and("env", key.environment().apiValue());
        if (apiType != null) {
            where.append(" and apiType = :apiType");
            params.and("apiType", apiType);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return Panache.withSession(() -> {
            var query = MessageTemplate.<MessageTemplate>find(where.toString(), Sort.descending("createdAt", "id"), params);
            return query.page(Page.of(page.page() - 1, page.limit())).list()
                    .chain(all -> query.count().map(total -> new PageView<>(all.stream().map(json::view).toList(),
                            page.page(), page.limit(), total)));
        });
    }

    public Uni<TemplateView> get(AuthenticatedKey key, String id) {
        return Panache.withSession(() -> find(key, id)).map(json::view);
    }

    /**
     * A PATCH is merged into the stored definition and the result checked as a whole. A Meta template Meta
     * already holds keeps its name, language and WABA (Meta's rule); a change of its content is sent to Meta as
     * an edit first, and stored only if Meta takes it (then it is PENDING review again). A Meta template Meta
     * never accepted (REJECTED at submission, ERROR) is submitted again with the new content.
     */
    public Uni<TemplateView> update(AuthenticatedKey key, String id, JsonNode body) {
        ObjectNode patch = JsonBody.requireObject(body);
        return Panache.withSession(() -> find(key, id)).chain(current -> {
            Violations v = new Violations();
            JsonBody.allowOnly(patch, "", TemplateRules.FIELDS, v);
            if (patch.has("apiType") && !current.apiType.equals(patch.path("apiType").asText())) {
                v.add("apiType", "apiType cannot change; create a new template");
            }
            v.throwIfAny();
            ObjectNode merged = json.definition(current);
            patch.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    merged.remove(e.getKey());
                } else {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            if (patch.has("components") && !patch.has("variables") && patch.path("components").isArray()) {
                // New components without variables: the old mapping still applies if the placeholders still match.
                merged.set("variables", json.tree(json.variables(current)));
            }
            Definition d = TemplateRules.check(merged, v);
            v.throwIfAny();
            boolean live = Environment.LIVE.apiValue().equals(current.environment);
            boolean atMeta = current.isMeta() && live && current.metaTemplateId != null;
            boolean contentChanged = !json.components(current).equals(d.components()) || !current.category.equals(d.category());
            if (atMeta) {
                List<String> fixed = new ArrayList<>();
                if (!current.name.equals(d.name())) {
                    fixed.add("name");
                }
                if (!current.language.equals(d.language())) {
                    fixed.add("language");
                }
                if (!Objects.equals(current.wabaId, d.wabaId()) && d.wabaId() != null) {
                    fixed.add("wabaId");
                }
                if (!fixed.isEmpty()) {
                    throw ApiException.conflict("The " + String.join(" and ", fixed) + " of a template Meta holds cannot "
                            + "change (Meta's rule); create a new template instead");
                }
            }
            Uni<Void> unique = current.name.equals(d.name()) && current.language.equals(d.language())
                    ? Uni.createFrom().voidItem() : Panache.withSession(() -> ensureUnique(key, d.name(), d.language(), current.id));
            if (atMeta && contentChanged) {
                return unique.chain(() -> editAtMeta(current, d)).chain(() -> store(key, id, d, "PENDING",
                        "Changed: in Meta's review again")).map(json::view);
            }
            boolean resubmit = current.isMeta() && live && current.metaTemplateId == null
                    && (contentChanged || !current.name.equals(d.name()) || !current.language.equals(d.language()));
            String wabaFromBody = patch.has("wabaId") ? d.wabaId() : current.wabaId;
            Uni<String> waba = resubmit && patch.has("wabaId") ? Panache.withSession(() -> wabaOf(key, wabaFromBody))
                    : Uni.createFrom().item(current.wabaId);
            return unique.chain(() -> waba).chain(wabaId -> store(key, id, withWaba(d, wabaId),
                            resubmit ? "PENDING" : null, resubmit ? "Being submitted to Meta" : null))
                    .chain(t -> resubmit ? submitter.submit(t.id) : Uni.createFrom().item(t))
                    .map(json::view);
        });
    }

    private static Definition withWaba(Definition d, String wabaId) {
        return new Definition(d.apiType(), d.platform(), wabaId, d.name(), d.category(), d.language(), d.components(),
                d.variables());
    }

    /** Meta's edit: {@code POST /{template-id}} with the new category and components. Refused → 422; no answer → 502. */
    private Uni<Void> editAtMeta(MessageTemplate current, Definition d) {
        return Panache.withSession(() -> submitter.token(current)).chain(token -> {
            if (token.isEmpty()) {
                throw ApiException.conflict("No connected WhatsApp Cloud API account of WABA " + current.wabaId
                        + " has a token: connect one (POST /accounts) to change this template");
            }
            JsonObject body = new JsonObject().put("components", new JsonArray(json.write(d.components())));
            if (!current.category.equals(d.category())) {
                body.put("category", d.category());
            }
            return meta.edit(current.metaTemplateId, token.get(), body, new MetaTemplateApi.Attempts());
        }).onFailure(MetaTemplateApi.TransientFailure.class).transform(e -> new ApiException(502,
                "Meta could not be reached (" + e.getMessage() + "); nothing was changed, try again", List.of(), null))
                .invoke(answer -> {
                    if (answer.error() != null) {
                        throw new ApiException(422, "Meta refused the change: " + answer.error().describe()
                                + "; the template is unchanged", List.of(), null);
                    }
                }).replaceWithVoid();
    }

    private Uni<MessageTemplate> store(AuthenticatedKey key, String id, Definition d, String status, String reason) {
        return Panache.withTransaction(() -> find(key, id).invoke(t -> {
            Instant now = Instant.now();
            define(t, d);
            if (d.wabaId() != null) {
                t.wabaId = d.wabaId();
            }
            if (status != null) {
                t.status = status;
                t.statusReason = reason;
                t.statusChangedAt = now;
            }
            t.updatedAt = now;
        }));
    }

    /** Submits again a Meta template Meta has not taken for review (ERROR, or REJECTED at submission). */
    public Uni<TemplateView> resubmit(AuthenticatedKey key, String id) {
        return Panache.withTransaction(() -> find(key, id).invoke(t -> {
            if (!t.isMeta()) {
                throw ApiException.conflict("Only meta-api templates are submitted to Meta; text templates are usable as they are");
            }
            if (!Environment.LIVE.apiValue().equals(t.environment)) {
                throw ApiException.conflict("Test-mode templates are never sent to Meta: the sandbox approved it");
            }
            if (t.metaTemplateId != null) {
                throw ApiException.conflict("Meta already has this template (" + t.metaTemplateId + ", " + t.status
                        + "): change it with PATCH, which Meta reviews again");
            }
            t.status = "PENDING";
            t.statusReason = "Being submitted to Meta";
            t.statusChangedAt = Instant.now();
        })).chain(t -> submitter.submit(t.id)).map(json::view);
    }

    /** Deletes it here only: a Meta template stays in the WhatsApp Manager of its WABA, where Meta deletes it. */
    public Uni<Void> delete(AuthenticatedKey key, String id) {
        return Panache.withTransaction(() -> find(key, id).chain(t -> t.delete()));
    }

    private static void define(MessageTemplate t, Definition d) {
        t.apiType = d.apiType();
        t.platform = d.platform();
        t.name = d.name();
        t.category = d.category();
        t.language = d.language();
        t.components = d.components().toString();
        t.variables = io.vertx.core.json.Json.encode(d.variables());
    }

    private static Uni<Void> ensureUnique(AuthenticatedKey key, String name, String language, UUID except) {
        return MessageTemplate.count("workspaceId = ?1 and environment = ?2 and name = ?3 and language = ?4 and id <> ?5",
                key.workspaceId(), key.environment().apiValue(), name, language,
                except == null ? new UUID(0, 0) : except).invoke(n -> {
            if (n > 0) {
                throw ApiException.conflict("A template named " + name + " in language " + language
                        + " already exists in this workspace");
            }
        }).replaceWithVoid();
    }

    /**
     * The WABA a live Meta template goes to: the body's (one of the workspace's connected Cloud API accounts
     * must belong to it), else that of the workspace's accounts when they share one.
     */
    private static Uni<String> wabaOf(AuthenticatedKey key, String wabaId) {
        return WhatsAppAccount.<WhatsAppAccount>list("workspaceId = ?1 and environment = ?2 and type = ?3 and status = 'connected'",
                key.workspaceId(), key.environment().apiValue(), WhatsAppAccount.CLOUD_API).map(accounts -> {
            List<String> wabas = accounts.stream().map(a -> a.wabaId).filter(Objects::nonNull).distinct().sorted().toList();
            if (wabaId != null) {
                if (!wabas.contains(wabaId)) {
                    throw ApiException.conflict("No connected WhatsApp Cloud API account of this workspace belongs to WABA "
                            + wabaId + ": connect one first (POST /accounts)");
                }
                return wabaId;
            }
            if (wabas.isEmpty()) {
                throw ApiException.conflict("A meta-api template is submitted through a WhatsApp Cloud API account: "
                        + "connect one first (POST /accounts), or create a text template");
            }
            if (wabas.size() > 1) {
                throw new ApiException(400, "wabaId is required: this workspace's accounts belong to several WhatsApp "
                        + "Business Accounts (" + String.join(", ", wabas) + ")",
                        List.of(new io.hostreach.campaign.api.ApiError.FieldError("wabaId", "wabaId is required")), null);
            }
            return wabas.get(0);
        });
    }

    private static Uni<MessageTemplate> find(AuthenticatedKey key, String rawId) {
        UUID id = Ids.parse(rawId, "Template");
        return MessageTemplate.<MessageTemplate>find("id = ?1 and workspaceId = ?2 and environment = ?3", id,
                        key.workspaceId(), key.environment().apiValue()).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("Template not found"));
    }
}
