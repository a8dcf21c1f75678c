package io.hostreach.campaign.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.crypto.SecretBox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Webhook subscriptions: create, read, change, delete, test, and their delivery log. */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    private static final Set<String> CREATE_FIELDS = Set.of("url", "secret", "name", "events");
    private static final Set<String> UPDATE_FIELDS = Set.of("url", "secret", "name", "events", "enabled");
    static final int SECRET_MIN = 16;
    static final int SECRET_MAX = 256;

    private final WebhookUrlPolicy urls;
    private final SecretBox secrets;
    private final WebhookQueue queue;

    public WebhookService(WebhookUrlPolicy urls, SecretBox secrets, WebhookQueue queue) {
        this.urls = urls;
        this.secrets = secrets;
        this.queue = queue;
    }

    public record SubscriptionView(UUID id, String name, String url, List<String> events, boolean enabled,
                                   String disabledReason, Instant createdAt, Instant updatedAt) {
        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.id, s.name, s.url, List.of(s.events.split(",")), s.enabled, s.disabledReason,
                    s.createdAt, s.updatedAt);
        }
    }

    public record AttemptView(Instant attemptedAt, Integer statusCode, int latencyMs, String error) {
    }

    public record DeliveryView(UUID id, UUID eventId, String eventType, String status, int attempts,
                               Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
                               Instant deliveredAt, List<AttemptView> attemptLog) {
    }

    public Uni<SubscriptionView> create(AuthenticatedKey key, JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", CREATE_FIELDS, v);
        String url = requiredText(json, "url", v);
        String secret = secret(json, v, true);
        String name = name(json, v);
        List<String> events = events(json, v, true);
        v.throwIfAny();
        return checkUrl(url).chain(() -> persistNew(key, url, secret, name, events));
    }

    @WithTransaction
    Uni<SubscriptionView> persistNew(AuthenticatedKey key, String url, String secret, String name, List<String> events) {
        Instant now = Instant.now();
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.workspaceId = key.workspaceId();
        s.environment = key.environment().apiValue();
        s.name = name == null ? "Webhook" : name;
        s.url = url;
        s.secretSealed = secrets.seal(secret);
        s.events = String.join(",", events);
        s.enabled = true;
        s.createdAt = now;
        s.updatedAt = now;
        return s.<WebhookSubscription>persist().invoke(saved -> LOG.infof("webhook subscription %s created", saved.id))
                .map(SubscriptionView::of);
    }

    @WithSession
    public Uni<PageView<SubscriptionView>> list(AuthenticatedKey key, PageRequest page) {
        var query = WebhookSubscription.<WebhookSubscription>find("workspaceId = ?1 and environment = ?2",
                Sort.descending("createdAt", "id"), key.workspaceId(), key.environment().apiValue());
        return query.page(Page.of(page.page() - 1, page.limit())).list()
                .chain(subs -> query.count().map(total -> new PageView<>(subs.stream().map(SubscriptionView::of).toList(),
                        page.page(), page.limit(), total)));
    }

    @WithSession
    public Uni<SubscriptionView> get(AuthenticatedKey key, String id) {
        return find(key, id).map(SubscriptionView::of);
    }

    public Uni<SubscriptionView> update(AuthenticatedKey key, String id, JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", UPDATE_FIELDS, v);
        String url = JsonBody.text(json, "url", "", v);
        String secret = secret(json, v, false);
        String name = json.has("name") ? name(json, v) : null;
        List<String> events = json.has("events") ? events(json, v, true) : null;
        Boolean enabled = JsonBody.bool(json, "enabled", "", v);
        v.throwIfAny();
        Uni<Void> urlCheck = url == null ? Uni.createFrom().voidItem() : checkUrl(url);
        return urlCheck.chain(() -> applyUpdate(key, id, url, secret, name, events, enabled));
    }

    @WithTransaction
    Uni<SubscriptionView> applyUpdate(AuthenticatedKey key, String id, String url, String secret, String name,
                                      List<String> events, Boolean enabled) {
        return find(key, id).invoke(s -> {
            if (url != null) {
                s.url = url;
            }
            if (secret != null) {
                s.secretSealed = secrets.seal(secret);
            }
            if (name != null) {
                s.name = name;
            }
            if (events != null) {
                s.events = String.join(",", events);
            }
            if (enabled != null) {
                s.enabled = enabled;
                if (enabled) {
                    // Re-enabled by the customer: a fresh retry window, and the reason is history.
                    s.disabledReason = null;
                    s.failingSince = null;
                }
            }
            s.updatedAt = Instant.now();
        }).map(SubscriptionView::of);
    }

    @WithTransaction
    public Uni<Void> delete(AuthenticatedKey key, String id) {
        return find(key, id).chain(s -> s.delete());
    }

    @WithTransaction
    public Uni<DeliveryView> test(AuthenticatedKey key, String id) {
        return find(key, id).chain(s -> {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("subscriptionId", s.id.toString());
            data.put("message", "This is a test delivery from hostreach.");
            return queue.publishTo(s, WebhookEventTypes.TEST, data);
        }).map(d -> view(d, List.of()));
    }

    @WithSession
    public Uni<PageView<DeliveryView>> deliveries(AuthenticatedKey key, String id, PageRequest page) {
        return find(key, id).chain(s -> {
            var query = WebhookDelivery.<WebhookDelivery>find("subscriptionId", Sort.descending("seq"), s.id);
            return query.page(Page.of(page.page() - 1, page.limit())).list()
                    .chain(deliveries -> attempts(deliveries).chain(byDelivery -> query.count().map(total ->
                            new PageView<>(deliveries.stream().map(d -> view(d, byDelivery.getOrDefault(d.id, List.of())))
                                    .toList(), page.page(), page.limit(), total))));
        });
    }

    private Uni<Map<UUID, List<AttemptView>>> attempts(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1 order by attemptedAt",
                        deliveries.stream().map(d -> d.id).toList())
                .map(all -> all.stream().collect(Collectors.groupingBy(a -> a.deliveryId,
                        Collectors.mapping(a -> new AttemptView(a.attemptedAt, a.statusCode, a.latencyMs, a.error),
                                Collectors.toList()))));
    }

    private static DeliveryView view(WebhookDelivery d, List<AttemptView> attempts) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts, d.nextAttemptAt, d.lastStatusCode,
                d.lastError, d.createdAt, d.deliveredAt, attempts);
    }

    private Uni<Void> checkUrl(String url) {
        return urls.check(url).invoke(problem -> problem.ifPresent(p -> {
            throw new ApiException(400, p, List.of(new io.hostreach.campaign.api.ApiError.FieldError("url", p)), null);
        })).replaceWithVoid();
    }

    private Uni<WebhookSubscription> find(AuthenticatedKey key, String rawId) {
        UUID id = Ids.parse(rawId, "Webhook");
        return WebhookSubscription.<WebhookSubscription>find("id = ?1 and workspaceId = ?2 and environment = ?3", id,
                        key.workspaceId(), key.environment().apiValue()).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("Webhook not found"));
    }

    private static String requiredText(ObjectNode json, String field, Violations v) {
        String value = JsonBody.text(json, field, "", v);
        if (value == null && !json.hasNonNull(field)) {
            v.add(field, field + " is required");
        }
        return value;
    }

    private static String secret(ObjectNode json, Violations v, boolean required) {
        String secret = required ? requiredText(json, "secret", v) : JsonBody.text(json, "secret", "", v);
        if (secret != null && (secret.length() < SECRET_MIN || secret.length() > SECRET_MAX)) {
            v.add("secret", "secret must be " + SECRET_MIN + " to " + SECRET_MAX + " characters");
            return null;
        }
        return secret;
    }

    private static String name(ObjectNode json, Violations v) {
        String name = JsonBody.text(json, "name", "", v);
        if (name != null && (name.isBlank() || name.length() > 100)) {
            v.add("name", "name must be 1 to 100 characters");
            return null;
        }
        return name == null ? null : name.trim();
    }

    private static List<String> events(ObjectNode json, Violations v, boolean required) {
        JsonNode node = JsonBody.present(json, "events");
        if (node == null) {
            if (required) {
                v.add("events", "events is required: one or more of " + String.join(", ", WebhookEventTypes.SUBSCRIBABLE));
            }
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            v.add("events", "events must be a non-empty array of " + String.join(", ", WebhookEventTypes.SUBSCRIBABLE));
            return List.of();
        }
        Set<String> events = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        node.forEach(e -> {
            if (e.isTextual() && WebhookEventTypes.SUBSCRIBABLE.contains(e.asText())) {
                events.add(e.asText());
            } else {
                unknown.add(e.toString());
            }
        });
        if (!unknown.isEmpty()) {
            v.add("events", "events contains unknown values " + unknown + "; allowed: "
                    + String.join(", ", WebhookEventTypes.SUBSCRIBABLE));
        }
        return List.copyOf(events);
    }

}
