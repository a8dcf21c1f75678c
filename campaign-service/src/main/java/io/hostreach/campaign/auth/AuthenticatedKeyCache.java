package io.hostreach.campaign.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keys that authenticated recently, so that a request costs one query (its resource) rather than three (key,
 * workspace, resource). Only valid keys are kept, under the SHA-256 of the presented key (never the key itself),
 * for at most {@code hostreach.auth.cache-ttl}. A revocation evicts the key on every replica at once
 * ({@link ApiKeyRevocations}); while that notification channel is down the cache is off, so a revoked key is
 * never accepted from memory.
 */
@ApplicationScoped
public class AuthenticatedKeyCache {

    private record Entry(CurrentApiKey.AuthenticatedKey key, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private volatile boolean live;
    // Moves on every eviction: a lookup that read the database before a revocation must not store its answer after.
    private final AtomicLong generation = new AtomicLong();

    public AuthenticatedKeyCache(@ConfigProperty(name = "hostreach.auth.cache-ttl", defaultValue = "PT30S") Duration ttl,
                                 @ConfigProperty(name = "hostreach.auth.cache-max-keys", defaultValue = "10000") int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    public Optional<CurrentApiKey.AuthenticatedKey> get(String presented) {
        if (!live) {
            return Optional.empty();
        }
        Entry entry = entries.get(digest(presented));
        if (entry == null || entry.expiresAtNanos - System.nanoTime() < 0) {
            return Optional.empty();
        }
        return Optional.of(entry.key);
    }

    /** Taken before reading the database; {@link #put} stores nothing if a revocation came in between. */
    public long generation() {
        return generation.get();
    }

    public void put(String presented, CurrentApiKey.AuthenticatedKey key, long readAtGeneration) {
        if (!live || ttlNanos <= 0 || generation.get() != readAtGeneration) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear(); // a crude bound: refilling costs one lookup per key
        }
        entries.put(digest(presented), new Entry(key, System.nanoTime() + ttlNanos));
        if (generation.get() != readAtGeneration) {
            entries.remove(digest(presented)); // a revocation raced the put
        }
    }

    public void evict(UUID keyId) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> entry.key.keyId().equals(keyId));
    }

    /** The revocation channel is listening: entries can be trusted until their expiry. */
    void resume() {
        generation.incrementAndGet(); // a read made while the channel was down may predate a missed revocation
        entries.clear();
        live = true;
    }

    /** The revocation channel is down: nothing is served from memory until it listens again. */
    void suspend() {
        live = false;
        generation.incrementAndGet();
        entries.clear();
    }

    boolean live() {
        return live;
    }

    private static String digest(String presented) {
        return ApiKeyFormat.hash(presented);
    }
}
