package io.hostreach.extraction.fetch;

import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The HTTP client of one portal: every request of every run to that portal goes through its politeness gate
 * (one at a time, with a pause) and is retried with backoff when the answer or the failure is transient.
 */
final class PortalHttpClient {

    private static final Logger LOG = Logger.getLogger(PortalHttpClient.class);

    private final String portal;
    private final WebClient client;
    private final PolitenessGate gate;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final MeterRegistry registry;

    PortalHttpClient(String portal, WebClient client, PolitenessGate gate, RetryPolicy retry, Duration timeout,
                     MeterRegistry registry) {
        this.portal = portal;
        this.client = client;
        this.gate = gate;
        this.retry = retry;
        this.timeout = timeout;
        this.registry = registry;
    }

    Uni<PortalResponse> fetch(String portalUrl, PortalRequest request, FetchRoute route) {
        return attempt(portalUrl, request, route, 0);
    }

    private Uni<PortalResponse> attempt(String portalUrl, PortalRequest request, FetchRoute route, int retries) {
        return gate.submit(() -> send(portalUrl, request, route))
                .onItemOrFailure().invoke((answer, failure) -> count(answer, failure))
                .onItemOrFailure().transformToUni((answer, failure) -> {
                    if (failure != null) {
                        if (failure instanceof IllegalArgumentException) {
                            return Uni.createFrom().failure(failure); // a malformed URL does not get better
                        }
                        if (retry.mayRetry(retries)) {
                            Duration wait = retry.waitBefore(retries, null);
                            LOG.debugf("%s: %s on %s; retry %d in %d ms", portal, describe(failure), portalUrl,
                                    retries + 1, wait.toMillis());
                            return after(wait).chain(() -> attempt(portalUrl, request, route, retries + 1));
                        }
                        return Uni.createFrom().failure(new PortalUnavailableException(portal + " could not be reached after "
                                + (retries + 1) + " attempts (" + describe(failure) + ") for " + portalUrl, failure));
                    }
                    int status = answer.response().status();
                    if (RetryPolicy.retryableStatus(status) && retry.mayRetry(retries)) {
                        Duration wait = retry.waitBefore(retries, answer.retryAfter());
                        LOG.infof("%s answered HTTP %d for %s; retry %d in %d ms", portal, status, portalUrl,
                                retries + 1, wait.toMillis());
                        return after(wait).chain(() -> attempt(portalUrl, request, route, retries + 1));
                    }
                    return Uni.createFrom().item(answer.response());
                });
    }

    private Uni<Answer> send(String portalUrl, PortalRequest request, FetchRoute route) {
        HttpRequest<Buffer> http = client.requestAbs(HttpMethod.valueOf(request.method()), route.requestUrl(portalUrl))
                .timeout(timeout.toMillis());
        request.headers().forEach(http::putHeader);
        if (route.sendsApiKey()) {
            http.putHeader(route.apiKeyHeader(), route.apiKey());
        }
        Uni<HttpResponse<Buffer>> sent = request.body() == null ? http.send()
                : http.sendBuffer(Buffer.buffer(request.body()));
        return sent.ifNoItem().after(timeout.plus(timeout)).fail()
                .map(response -> new Answer(new PortalResponse(response.statusCode(), response.getHeader("Content-Type"),
                        response.bodyAsString(), portalUrl), response.getHeader("Retry-After")));
    }

    /** Requests per portal and outcome (2xx, 4xx, 429, 5xx, error): blocks and throttling show up here first. */
    private void count(Answer answer, Throwable failure) {
        String outcome;
        if (failure != null) {
            outcome = "error";
        } else {
            int status = answer.response().status();
            outcome = status == 429 || status == 403 ? Integer.toString(status) : (status / 100) + "xx";
        }
        registry.counter("hostreach.portal.requests", "portal", portal, "outcome", outcome).increment();
    }

    private static Uni<Void> after(Duration wait) {
        return wait.isZero() ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private record Answer(PortalResponse response, String retryAfter) {
    }
}
