package io.hostreach.extraction.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One HTTP client (and one politeness gate) per portal, shared by all runs of this replica. */
@ApplicationScoped
public class PortalHttpClients {

    private final Vertx vertx;
    private final PortalsConfig portals;
    private final FetchConfig fetch;
    private final PortalOrigins origins;
    private final MeterRegistry registry;
    private final Map<String, PortalHttpClient> clients = new ConcurrentHashMap<>();
    private final Map<String, WebClient> webClients = new ConcurrentHashMap<>();

    public PortalHttpClients(Vertx vertx, PortalsConfig portals, FetchConfig fetch, PortalOrigins origins,
                             MeterRegistry registry) {
        this.vertx = vertx;
        this.portals = portals;
        this.fetch = fetch;
        this.origins = origins;
        this.registry = registry;
    }

    /** A fetcher for one run: the portal's shared client, through the workspace's route. */
    public PortalFetcher fetcher(String portal, FetchRoute route) {
        PortalHttpClient client = clients.computeIfAbsent(portal, this::create);
        return request -> client.fetch(origins.urlOf(portal, request.path(), request.query()), request, route);
    }

    private PortalHttpClient create(String portal) {
        PortalsConfig.Portal config = portals.portals().get(portal);
        Duration timeout = config == null ? Duration.ofSeconds(30) : config.timeout();
        WebClientOptions options = new WebClientOptions()
                .setUserAgent(fetch.userAgent())
                .setTryUseCompression(true)
                .setFollowRedirects(true)
                .setKeepAlive(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setMaxPoolSize(4);
        WebClient client = WebClient.create(vertx, options);
        webClients.put(portal, client);
        PolitenessGate gate = config == null ? new PolitenessGate(Duration.ofSeconds(4), Duration.ofMillis(1500))
                : new PolitenessGate(config.delay(), config.jitter());
        RetryPolicy retry = config == null ? new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60))
                : new RetryPolicy(config.maxRetries(), config.retryBackoff(), config.retryBackoffMax());
        return new PortalHttpClient(portal, client, gate, retry, timeout, registry);
    }

    @PreDestroy
    void close() {
        webClients.values().forEach(WebClient::close);
    }
}
