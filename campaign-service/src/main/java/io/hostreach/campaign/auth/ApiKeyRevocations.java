package io.hostreach.campaign.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Tells every replica at once that a key was revoked: PostgreSQL {@code NOTIFY} in the revoking transaction
 * (delivered only if it commits), {@code LISTEN} on a dedicated connection here, which evicts the key from
 * {@link AuthenticatedKeyCache}. The cache is off until the channel listens, and again whenever its connection
 * drops (it reconnects every second).
 */
@ApplicationScoped
public class ApiKeyRevocations {

    static final String CHANNEL = "hostreach_api_key_revoked";
    private static final String PING = "ping";
    private static final long HEARTBEAT_MS = 5_000;
    private static final long SILENCE_LIMIT_MS = 12_000;
    private static final Logger LOG = Logger.getLogger(ApiKeyRevocations.class);

    private final AuthenticatedKeyCache cache;
    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;
    private volatile boolean stopping;
    private volatile long lastHeard = System.currentTimeMillis();

    public ApiKeyRevocations(AuthenticatedKeyCache cache, Vertx vertx,
                             @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                             @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        options.setTcpKeepAlive(true);
    }

    /** Within the revoking transaction: every replica hears of it when (and only if) it commits. */
    public Uni<Void> announce(UUID keyId) {
        cache.evict(keyId);
        return Panache.getSession().chain(session -> session.createNativeQuery("select cast(pg_notify(:channel, :key) as text)")
                .setParameter("channel", CHANNEL).setParameter("key", keyId.toString()).getSingleResult()).replaceWithVoid();
    }

    void listen(@Observes StartupEvent start) {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> {
            cache.suspend(); // notifications may be missed until it listens again
            if (retries == 0) {
                LOG.warn("API key revocation channel lost; authenticating every request against the database until it is back");
            }
            return 1000L;
        });
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> {
                    lastHeard = System.currentTimeMillis();
                    cache.resume();
                    LOG.debug("listening for API key revocations");
                })
                .handler(payload -> {
                    lastHeard = System.currentTimeMillis();
                    if (PING.equals(payload)) {
                        return;
                    }
                    try {
                        cache.evict(UUID.fromString(payload));
                    } catch (IllegalArgumentException unexpected) {
                        // Not a key id: forget every key rather than guess which one was meant.
                        cache.suspend();
                        cache.resume();
                    }
                });
        connect();
        vertx.setPeriodic(HEARTBEAT_MS, tick -> heartbeat());
    }

    /**
     * A connection that died silently (a partition, a NAT dropping it) would leave the cache live while
     * notifications are lost: the listener notifies itself every few seconds, and if it hears nothing for
     * {@value #SILENCE_LIMIT_MS} ms the cache goes off and the connection is closed, which makes it reconnect.
     */
    private void heartbeat() {
        var connection = subscriber == null || stopping ? null : subscriber.actualConnection();
        if (connection == null) {
            return;
        }
        if (System.currentTimeMillis() - lastHeard > SILENCE_LIMIT_MS) {
            LOG.warn("API key revocation channel silent; cache off and reconnecting");
            cache.suspend();
            lastHeard = System.currentTimeMillis();
            connection.close();
            return;
        }
        connection.query("select pg_notify('" + CHANNEL + "', '" + PING + "')").execute();
    }

    /** The first connection is retried like a lost one: until it listens, the cache stays off. */
    private void connect() {
        subscriber.connect().onFailure(failure -> {
            LOG.warnf("API key revocation channel unavailable (%s); the key cache stays off, retrying in 1 s",
                    failure.getMessage());
            vertx.setTimer(1000, retry -> {
                if (!stopping) {
                    connect();
                }
            });
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        stopping = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
