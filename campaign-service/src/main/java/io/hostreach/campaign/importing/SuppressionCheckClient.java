package io.hostreach.campaign.importing;

import io.hostreach.campaign.api.ApiException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Asks outreach-worker, which owns the suppression list, which numbers of an import must not be contacted
 * ({@code POST /internal/v1/workspaces/{ws}/suppressions/check}), in chunks. Any failure is a 503: an import
 * never stores leads it could not check.
 */
@ApplicationScoped
public class SuppressionCheckClient {

    private static final Logger LOG = Logger.getLogger(SuppressionCheckClient.class);
    static final int CHUNK = 5000;

    private final WebClient client;
    private final URI base;
    private final Optional<String> token;
    private final Duration timeout;

    public SuppressionCheckClient(Vertx vertx,
                                  @ConfigProperty(name = "hostreach.outreach-worker.url", defaultValue = "http://127.0.0.1:8082") URI base,
                                  @ConfigProperty(name = "hostreach.internal.token") Optional<String> token,
                                  @ConfigProperty(name = "hostreach.outreach-worker.timeout", defaultValue = "PT10S") Duration timeout) {
        this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80))
                .setSsl("https".equals(base.getScheme())).setUserAgent("hostreach-campaign-service/1.0"));
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The numbers among {@code phones} (E.164) that are on the workspace's suppression list. */
    public Uni<Set<String>> suppressedAmong(UUID workspaceId, String environment, List<String> phones) {
        if (phones.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < phones.size(); i += CHUNK) {
            chunks.add(phones.subList(i, Math.min(phones.size(), i + CHUNK)));
        }
        Set<String> suppressed = new HashSet<>();
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> check(workspaceId, environment, chunk))
                .invoke(suppressed::addAll)
                .collect().last()
                .replaceWith(suppressed);
    }

    private Uni<List<String>> check(UUID workspaceId, String environment, List<String> phones) {
        String path = (base.getPath() == null ? "" : base.getPath().replaceAll("/$", ""))
                + "/internal/v1/workspaces/" + workspaceId + "/suppressions/check";
        var request = client.post(path).addQueryParam("environment", environment).timeout(timeout.toMillis());
        token.filter(t -> !t.isBlank()).ifPresent(t -> request.putHeader("X-Internal-Token", t));
        return request.sendJsonObject(new JsonObject().put("phones", new JsonArray(phones)))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("outreach-worker answered " + response.statusCode());
                    }
                    JsonArray found = response.bodyAsJsonObject().getJsonArray("suppressed", new JsonArray());
                    List<String> out = new ArrayList<>(found.size());
                    found.forEach(p -> out.add(String.valueOf(p)));
                    return out;
                })
                .onFailure(f -> !(f instanceof ApiException)).transform(failure -> {
                    LOG.warnf("suppression check failed: %s", failure.toString());
                    return new ApiException(503, "The suppression list cannot be checked right now (outreach-worker "
                            + "unavailable); nothing was imported, retry later", List.of(), 30L);
                });
    }
}
