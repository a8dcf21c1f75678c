package io.hostreach.campaign.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its answer is stored; a retry with
 * the same key and body within the retention gets that answer again (header {@code Idempotent-Replayed:
 * true}); the same key with another body, or while the first is still running, is a 409. A request that
 * fails releases its key, so a corrected retry can use it.
 * <p>
 * The key is reserved in its own short transaction (so a concurrent duplicate is a quick 409). Then:
 * <ul>
 * <li>{@link #run}: for actions that only write this service's database. The action's writes and the stored
 * answer commit in <em>one</em> transaction, so a process that dies mid-way leaves either both or neither; a
 * reservation without an answer is then known to have changed nothing and is taken over after
 * {@code hostreach.idempotency.abandon-after}.</li>
 * <li>{@link #runAcrossServices}: for actions whose effect is a call to another service or to Meta (ad-hoc
 * sends, suppressions, tasks, template submission), which must not hold a database transaction open while it
 * waits. The answer is stored after the action; a crash in between leaves the reservation to be taken over,
 * and the repeat is made harmless by the other side (outreach-worker dedupes sends on this key; a
 * suppression or a completed task is the same the second time; a template's name and language are unique).</li>
 * </ul>
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final String RESERVE = """
            insert into idempotency_record(api_key_id, idempotency_key, request_hash, created_at)
            values (:key, :idem, :hash, now()) on conflict do nothing""";

    private final ObjectMapper mapper;
    private final OutboxRelay relay;
    private final Duration retention;
    private final Duration abandonAfter;

    public Idempotency(ObjectMapper mapper, OutboxRelay relay,
                       @ConfigProperty(name = "hostreach.idempotency.retention", defaultValue = "PT24H") Duration retention,
                       @ConfigProperty(name = "hostreach.idempotency.abandon-after", defaultValue = "PT1M") Duration abandonAfter) {
        this.mapper = mapper;
        this.relay = relay;
        this.retention = retention;
        this.abandonAfter = abandonAfter;
    }

    public Uni<Response> run(AuthenticatedKey apiKey, String idempotencyKey, String operation, JsonNode body,
                             Supplier<Uni<Response>> action) {
        return guarded(apiKey, idempotencyKey, operation, body, action, key ->
                Panache.withTransaction(() -> action.get().call(response -> complete(key, response)))
                        // Events the action wrote are visible only now: publish them without waiting for the sweep.
                        .invoke(relay::kick));
    }

    public Uni<Response> runAcrossServices(AuthenticatedKey apiKey, String idempotencyKey, String operation,
                                           JsonNode body, Supplier<Uni<Response>> action) {
        return guarded(apiKey, idempotencyKey, operation, body, action, key ->
                action.get().call(response -> Panache.withTransaction(() -> complete(key, response))));
    }

    private Uni<Response> guarded(AuthenticatedKey apiKey, String idempotencyKey, String operation, JsonNode body,
                                  Supplier<Uni<Response>> action,
                                  Function<IdempotencyRecord.Key, Uni<Response>> actAndComplete) {
        if (idempotencyKey == null) {
            return action.get();
        }
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            return Uni.createFrom().failure(ApiException.badRequest(HEADER + " must be 1 to 255 characters"));
        }
        String hash = hash(operation + "\n" + (body == null ? "" : body.toString()));
        IdempotencyRecord.Key key = new IdempotencyRecord.Key(apiKey.keyId(), idempotencyKey);
        return reserve(key, hash).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(replay(existing, hash));
            }
            return actAndComplete.apply(key).onFailure().call(() -> release(key));
        });
    }

    @Scheduled(identity = "idempotency-purge", every = "10m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        Instant cutoff = Instant.now().minus(retention);
        return Panache.withTransaction(() -> IdempotencyRecord.delete("createdAt < ?1", cutoff)).replaceWithVoid();
    }

    /** Null when this request holds the key now; otherwise the record that holds it. */
    private Uni<IdempotencyRecord> reserve(IdempotencyRecord.Key key, String hash) {
        return Panache.withTransaction(() -> IdempotencyRecord.<IdempotencyRecord>findById(key).chain(found -> {
            Instant now = Instant.now();
            if (found != null && found.createdAt.isBefore(now.minus(retention))) {
                return found.delete().replaceWith((IdempotencyRecord) null).chain(() -> insert(key, hash));
            }
            if (found != null && found.completedAt == null && found.createdAt.isBefore(now.minus(abandonAfter))) {
                // The first attempt died mid-way (crash); let this one take over.
                found.createdAt = now;
                found.requestHash = hash;
                return Uni.createFrom().nullItem();
            }
            return found != null ? Uni.createFrom().item(found) : insert(key, hash);
        }));
    }

    private Uni<IdempotencyRecord> insert(IdempotencyRecord.Key key, String hash) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RESERVE)
                        .setParameter("key", key.apiKeyId).setParameter("idem", key.idempotencyKey)
                        .setParameter("hash", hash).executeUpdate())
                .chain(inserted -> inserted == 1 ? Uni.createFrom().nullItem()
                        // A concurrent request reserved it between our read and insert.
                        : Uni.createFrom().failure(inProgress()));
    }

    private Response replay(IdempotencyRecord existing, String hash) {
        if (!existing.requestHash.equals(hash)) {
            throw ApiException.conflict(HEADER + " was already used with a different request; use a new key");
        }
        if (existing.completedAt == null) {
            throw inProgress();
        }
        Response.ResponseBuilder builder = Response.status(existing.statusCode).header("Idempotent-Replayed", "true");
        if (existing.responseBody != null) {
            builder.entity(existing.responseBody).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return builder.build();
    }

    /** Stores the answer in the current transaction. */
    private Uni<Void> complete(IdempotencyRecord.Key key, Response response) {
        String body = serialise(response.getEntity());
        return IdempotencyRecord.<IdempotencyRecord>findById(key).invoke(record -> {
            if (record != null) {
                record.statusCode = response.getStatus();
                record.responseBody = body;
                record.completedAt = Instant.now();
            }
        }).replaceWithVoid();
    }

    private Uni<Void> release(IdempotencyRecord.Key key) {
        return Panache.withTransaction(() -> IdempotencyRecord.delete("key.apiKeyId = ?1 and key.idempotencyKey = ?2", key.apiKeyId, key.idempotencyKey)).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private String serialise(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return entity instanceof String s ? s : mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException inProgress() {
        return ApiException.conflict("A request with this " + HEADER + " is still being processed; retry shortly");
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
