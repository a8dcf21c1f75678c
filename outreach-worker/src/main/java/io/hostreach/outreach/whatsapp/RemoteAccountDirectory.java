package io.hostreach.outreach.whatsapp;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads accounts and templates from campaign-service and keeps them briefly (a send batch asks for the
 * same account hundreds of times; a rotated token or a paused template is seen within the TTL).
 * Failures are not cached. Errors never carry the token.
 */
@ApplicationScoped
public class RemoteAccountDirectory implements AccountDirectory {

    private record Entry<T>(T value, Instant expires) {
    }

    private final CampaignServiceClient client;
    private final String token;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry<Account>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Entry<Template>> templates = new ConcurrentHashMap<>();

    public RemoteAccountDirectory(@RestClient CampaignServiceClient client,
                                  @ConfigProperty(name = "hostreach.internal-token") java.util.Optional<String> token,
                                  @ConfigProperty(name = "hostreach.campaign-service.cache-ttl", defaultValue = "PT60S") Duration ttl,
                                  Clock clock) {
        this.client = client;
        this.token = token.orElse("");
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Uni<Account> account(String accountId) {
        return cached(accounts, accountId, id -> client.account(token, id), "account");
    }

    @Override
    public Uni<Template> template(String templateId) {
        return cached(templates, templateId, id -> client.template(token, id), "template");
    }

    private <T> Uni<T> cached(Map<String, Entry<T>> cache, String id, Function<String, Uni<T>> fetch, String what) {
        Instant now = clock.instant();
        Entry<T> hit = cache.get(id);
        if (hit != null && hit.expires().isAfter(now)) {
            return Uni.createFrom().item(hit.value());
        }
        return Uni.createFrom().deferred(() -> fetch.apply(id))
                .invoke(value -> cache.put(id, new Entry<>(value, now.plus(ttl))))
                .onFailure().transform(e -> {
                    boolean notFound = e instanceof WebApplicationException w && w.getResponse().getStatus() == 404;
                    String why = e instanceof WebApplicationException w ? "HTTP " + w.getResponse().getStatus()
                            : e.getClass().getSimpleName();
                    return new DirectoryException("campaign-service could not give " + what + " " + id + " (" + why + ")",
                            notFound, null);
                });
    }
}
