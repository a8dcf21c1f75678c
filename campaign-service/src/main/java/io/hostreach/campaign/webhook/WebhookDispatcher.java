package io.hostreach.campaign.webhook;

import io.hostreach.campaign.crypto.SecretBox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivers queued webhook events: claims due deliveries (the oldest pending one of each subscription, so a
 * subscription sees its events in order) under a short lease, POSTs them signed, and records every attempt.
 * Failures are retried with exponential backoff and jitter; a subscription that keeps failing for the whole
 * retry window is disabled with the reason. At-least-once: receivers dedupe on {@code Hostreach-Event-Id}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final String CLAIM = """
            select d.* from webhook_delivery d
            where d.status = 'PENDING' and d.next_attempt_at <= now()
              and exists (select 1 from webhook_subscription s where s.id = d.subscription_id and s.enabled)
              and not exists (select 1 from webhook_delivery o where o.subscription_id = d.subscription_id
                              and o.status = 'PENDING' and o.seq < d.seq)
            order by d.seq limit :limit for update skip locked""";

    private final WebClient client;
    private final SecretBox secrets;
    private final Duration timeout;
    private final Duration retryWindow;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final int batchSize;

    public WebhookDispatcher(Vertx vertx, SecretBox secrets,
                             @ConfigProperty(name = "hostreach.webhooks.timeout", defaultValue = "PT10S") Duration timeout,
                             @ConfigProperty(name = "hostreach.webhooks.retry-window", defaultValue = "PT24H") Duration retryWindow,
                             @ConfigProperty(name = "hostreach.webhooks.backoff-base", defaultValue = "PT10S") Duration backoffBase,
                             @ConfigProperty(name = "hostreach.webhooks.backoff-max", defaultValue = "PT1H") Duration backoffMax,
                             @ConfigProperty(name = "hostreach.webhooks.batch-size", defaultValue = "50") int batchSize) {
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setUserAgent("hostreach-webhooks/1.0"));
        this.secrets = secrets;
        this.timeout = timeout;
        this.retryWindow = retryWindow;
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.batchSize = batchSize;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Scheduled(identity = "webhook-dispatch", every = "${hostreach.webhooks.poll-interval:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        return claim().chain(claimed -> claimed.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(claimed.stream().map(this::attempt).toList()).andCollectFailures()
                        .chain(this::record))
                .onFailure().invoke(f -> LOG.warnf("webhook dispatch failed, will retry: %s", f.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** A claimed delivery with what is needed to send it, read in the claiming transaction. */
    private record Claimed(WebhookDelivery delivery, String url, String secret) {
    }

    private record Outcome(UUID deliveryId, Integer statusCode, int latencyMs, String error, Instant at) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @SuppressWarnings("unchecked")
    private Uni<List<Claimed>> claim() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, WebhookDelivery.class).setParameter("limit", batchSize)
                        .getResultList())
                .chain(rows -> {
                    List<WebhookDelivery> deliveries = (List<WebhookDelivery>) rows;
                    if (deliveries.isEmpty()) {
                        return Uni.createFrom().item(List.<Claimed>of());
                    }
                    // The lease: another replica (or a later tick) will not take them while we send.
                    Instant lease = Instant.now().plus(timeout).plusSeconds(20);
                    deliveries.forEach(d -> d.nextAttemptAt = lease);
                    List<UUID> subscriptionIds = deliveries.stream().map(d -> d.subscriptionId).distinct().toList();
                    return WebhookSubscription.<WebhookSubscription>list("id in ?1", subscriptionIds).map(subs -> {
                        Map<UUID, WebhookSubscription> byId = subs.stream()
                                .collect(Collectors.toMap(s -> s.id, Function.identity()));
                        return deliveries.stream().map(d -> {
                            WebhookSubscription s = byId.get(d.subscriptionId);
                            return new Claimed(d, s.url, secrets.open(s.secretSealed));
                        }).toList();
                    });
                }));
    }

    private Uni<Outcome> attempt(Claimed claimed) {
        WebhookDelivery d = claimed.delivery();
        long unix = Instant.now().getEpochSecond();
        long started = System.nanoTime();
        return client.requestAbs(HttpMethod.POST, claimed.url())
                .putHeader("Content-Type", "application/json")
                .putHeader("Hostreach-Event-Id", d.eventId.toString())
                .putHeader("Hostreach-Event-Type", d.eventType)
                .putHeader("Hostreach-Signature", WebhookSigner.signature(claimed.secret(), unix, d.payload))
                .timeout(timeout.toMillis())
                .sendBuffer(Buffer.buffer(d.payload))
                .map(response -> outcome(d, started, response, null))
                .onFailure().recoverWithItem(failure -> outcome(d, started, null, failure));
    }

    private static Outcome outcome(WebhookDelivery d, long started, HttpResponse<Buffer> response, Throwable failure) {
        int latency = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (response != null) {
            boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
            return new Outcome(d.id, response.statusCode(), latency, ok ? null : "HTTP " + response.statusCode(), Instant.now());
        }
        String error = failure instanceof java.util.concurrent.TimeoutException
                || String.valueOf(failure.getMessage()).contains("timeout") ? "timed out" : String.valueOf(failure.getMessage());
        return new Outcome(d.id, null, latency, error, Instant.now());
    }

    private Uni<Void> record(List<Outcome> outcomes) {
        // One session: its operations must run one after another (the HTTP calls above ran concurrently).
        return Panache.withTransaction(() -> Multi.createFrom().iterable(outcomes).onItem()
                .transformToUniAndConcatenate(this::record).collect().last().replaceWithVoid());
    }

    private Uni<Void> record(Outcome o) {
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = o.deliveryId();
        attempt.attemptedAt = o.at();
        attempt.statusCode = o.statusCode();
        attempt.latencyMs = o.latencyMs();
        attempt.error = o.error();
        return attempt.persist().chain(() -> WebhookDelivery.<WebhookDelivery>findById(o.deliveryId()))
                .chain(d -> WebhookSubscription.<WebhookSubscription>findById(d.subscriptionId).invoke(s -> apply(d, s, o)))
                .replaceWithVoid();
    }

    private void apply(WebhookDelivery d, WebhookSubscription s, Outcome o) {
        d.attempts++;
        d.lastStatusCode = o.statusCode();
        d.lastError = o.error();
        if (o.succeeded()) {
            d.status = WebhookDelivery.SUCCEEDED;
            d.deliveredAt = o.at();
            s.failingSince = null;
            return;
        }
        if (s.failingSince == null) {
            s.failingSince = o.at();
        }
        if (!o.at().isBefore(s.failingSince.plus(retryWindow))) {
            d.status = WebhookDelivery.FAILED;
            s.enabled = false;
            s.disabledReason = "Disabled at " + o.at() + " after failing for " + retryWindow + ": last error " + o.error();
            s.updatedAt = o.at();
            LOG.warnf("webhook subscription %s disabled: %s", s.id, s.disabledReason);
            return;
        }
        d.nextAttemptAt = o.at().plus(backoff(d.attempts));
    }

    /** base × 2^(n-1), capped, with ±20 % jitter so failing receivers are not hit in lockstep. */
    Duration backoff(int attempts) {
        long base = backoffBase.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, backoffMax.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
