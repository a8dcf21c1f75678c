package io.hostreach.campaign.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The races a remembered key must lose against a revocation. Plain unit tests: no database needed. */
class AuthenticatedKeyCacheTest {

    private static final String PRESENTED = "hr_test_abcdefgh_secret";
    private final CurrentApiKey.AuthenticatedKey key = new CurrentApiKey.AuthenticatedKey(UUID.randomUUID(),
            UUID.randomUUID(), "Inmo", "crm", Environment.TEST, List.of());

    private AuthenticatedKeyCache liveCache() {
        AuthenticatedKeyCache cache = new AuthenticatedKeyCache(Duration.ofMinutes(1), 100);
        cache.resume();
        return cache;
    }

    @Test
    void aLookupThatReadTheDatabaseBeforeARevocationDoesNotStoreItsAnswer() {
        AuthenticatedKeyCache cache = liveCache();
        long readAt = cache.generation();   // the lookup reads the key row: still valid
        cache.evict(key.keyId());            // the revocation's notification arrives meanwhile
        cache.put(PRESENTED, key, readAt);   // the lookup finishes
        assertTrue(cache.get(PRESENTED).isEmpty());
    }

    @Test
    void aReadMadeWhileTheChannelWasDownIsNotStoredAfterItComesBack() {
        AuthenticatedKeyCache cache = liveCache();
        cache.suspend();
        long readAt = cache.generation();   // a revocation notified now would be missed
        cache.resume();
        cache.put(PRESENTED, key, readAt);
        assertTrue(cache.get(PRESENTED).isEmpty());
    }

    @Test
    void aLookupWithNothingInBetweenIsRememberedUntilItsKeyIsEvicted() {
        AuthenticatedKeyCache cache = liveCache();
        cache.put(PRESENTED, key, cache.generation());
        assertEquals(key, cache.get(PRESENTED).orElseThrow());
        cache.evict(key.keyId());
        assertTrue(cache.get(PRESENTED).isEmpty());
    }

    @Test
    void nothingIsServedWhileTheChannelIsDown() {
        AuthenticatedKeyCache cache = liveCache();
        cache.put(PRESENTED, key, cache.generation());
        cache.suspend();
        assertTrue(cache.get(PRESENTED).isEmpty());
    }
}
