package io.hostreach.campaign.auth;

import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.TestDatabase;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.hostreach.campaign.support.Api.PREFIX;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ApiKeyAuthTest {

    @Inject
    AuthenticatedKeyCache cache;

    @Test
    void missingKeyIs401InTheSpecFormat() {
        given().get(PREFIX + "/campaigns").then().statusCode(401)
                .body("statusCode", equalTo(401))
                .body("error", equalTo("Unauthorized"))
                .body("message", equalTo("Invalid or missing API key"));
    }

    @Test
    void malformedAndUnknownKeysAre401() {
        given().header("X-Api-Key", "nonsense").get(PREFIX + "/me").then().statusCode(401)
                .body("message", equalTo("Invalid or missing API key"));
        given().header("X-Api-Key", "hr_test_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get(PREFIX + "/me")
                .then().statusCode(401);
    }

    @Test
    void aKeyWithAWrongSecretIs401() {
        String key = Api.testKey();
        String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        given().header("X-Api-Key", tampered).get(PREFIX + "/me").then().statusCode(401);
    }

    @Test
    void keyIsShownOnceAndHasTheDocumentedShape() {
        var workspace = Api.newWorkspace();
        Api.newKeyResponse(workspace.id(), "live", "campaigns:read")
                .body("key", matchesPattern("hr_live_[a-z0-9]{8}_[A-Za-z0-9]{32}"))
                .body("environment", equalTo("live"))
                .body("scopes", contains("campaigns:read"))
                .body("id", notNullValue());
    }

    @Test
    void meAnswersForXApiKeyAndForBearer() {
        var workspace = Api.newWorkspace();
        String key = Api.newKey(workspace.id(), "test");
        given().header("X-Api-Key", key).get(PREFIX + "/me").then().statusCode(200)
                .body("workspaceId", equalTo(workspace.id()))
                .body("environment", equalTo("test"))
                .body("apiKeyName", equalTo("key test"))
                .body("scopes", emptyIterable());
        given().header("Authorization", "Bearer " + key).get(PREFIX + "/me").then().statusCode(200)
                .body("workspaceId", equalTo(workspace.id()));
    }

    @Test
    void aKeyWithoutTheScopeIs403AndChangesNothing() {
        var workspace = Api.newWorkspace();
        String readOnly = Api.newKey(workspace.id(), "test", "campaigns:read");
        Api.as(readOnly).body(Api.runnablePortalCampaign()).post(PREFIX + "/campaigns").then().statusCode(403)
                .body("statusCode", equalTo(403))
                .body("error", equalTo("Forbidden"))
                .body("message", equalTo("This API key does not have the required scope: campaigns:write"));
        Api.as(readOnly).get(PREFIX + "/campaigns").then().statusCode(200).body("total", equalTo(0));

        String writeOnly = Api.newKey(workspace.id(), "test", "campaigns:write");
        Api.as(writeOnly).get(PREFIX + "/campaigns").then().statusCode(403)
                .body("message", equalTo("This API key does not have the required scope: campaigns:read"));
    }

    @Test
    void revokedKeysStopWorkingAtOnce() {
        var workspace = Api.newWorkspace();
        var created = Api.newKeyResponse(workspace.id(), "test").extract();
        String key = created.path("key");
        Api.as(key).get(PREFIX + "/me").then().statusCode(200);
        Api.admin().delete("/admin/v1/workspaces/" + workspace.id() + "/api-keys/" + created.path("id"))
                .then().statusCode(204);
        Api.as(key).get(PREFIX + "/me").then().statusCode(401);
    }

    /**
     * Another replica revokes the key: the row changes and PostgreSQL notifies in one transaction, as
     * ApiKeyService does. This replica remembered the key, and must stop accepting it at once.
     */
    @Test
    void aRevocationOnAnotherReplicaReachesThisOneAtOnce() {
        RememberedKey remembered = rememberedKey();
        String key = remembered.key();
        String keyId = remembered.id();
        TestDatabase.count("with revoked as (update api_key set revoked_at = now() where id = ?::uuid returning id) "
                + "select count(pg_notify('" + ApiKeyRevocations.CHANNEL + "', id::text)) from revoked", keyId);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> Api.as(key).get(PREFIX + "/me").then().statusCode(401));
    }

    /**
     * The counterpart: a key is served from memory (one query per request instead of three), so a change made
     * behind the service's back, without the notification, is not seen until the entry expires. This is why
     * revocation must notify, and what makes the previous test meaningful.
     */
    @Test
    void anAuthenticatedKeyIsRememberedUntilNotifiedOrExpired() {
        RememberedKey remembered = rememberedKey();
        String key = remembered.key();
        String keyId = remembered.id();
        TestDatabase.update("update api_key set revoked_at = now() where id = ?::uuid", keyId);
        Api.as(key).get(PREFIX + "/me").then().statusCode(200);
        cache.evict(java.util.UUID.fromString(keyId));
        Api.as(key).get(PREFIX + "/me").then().statusCode(401);
    }

    /** The listening connection is killed: the cache goes off, the listener reconnects, and revocations work again. */
    @Test
    void aLostRevocationChannelReconnectsAndKeepsRevocationsImmediate() {
        rememberedKey();
        TestDatabase.count("select count(pg_terminate_backend(pid)) from pg_stat_activity where pid <> pg_backend_pid() "
                + "and datname = current_database() and (query ilike 'LISTEN%' or query like '%" + ApiKeyRevocations.CHANNEL + "%ping%')");
        // Off for the reconnection delay (1 s), then on again once it listens.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> !cache.live());
        await().atMost(Duration.ofSeconds(15)).until(() -> cache.live());
        RememberedKey remembered = rememberedKey();
        TestDatabase.count("with revoked as (update api_key set revoked_at = now() where id = ?::uuid returning id) "
                + "select count(pg_notify('" + ApiKeyRevocations.CHANNEL + "', id::text)) from revoked", remembered.id());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> Api.as(remembered.key()).get(PREFIX + "/me").then().statusCode(401));
    }

    private record RememberedKey(String id, String key) {
    }

    /** A new key that has authenticated once, with the cache live: it is now remembered. */
    private RememberedKey rememberedKey() {
        await().atMost(Duration.ofSeconds(10)).until(cache::live);
        var created = Api.newKeyResponse(Api.newWorkspace().id(), "test").extract();
        RememberedKey remembered = new RememberedKey(created.path("id"), created.path("key"));
        // A late notification from an earlier test may stop one lookup from being stored: ask again then.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.as(remembered.key()).get(PREFIX + "/me").then().statusCode(200);
            org.junit.jupiter.api.Assertions.assertTrue(cache.get(remembered.key()).isPresent());
        });
        return remembered;
    }

    @Test
    void anotherWorkspacesCampaignIs404AndUntouched() {
        String owner = Api.testKey();
        String stranger = Api.testKey();
        String id = Api.createCampaign(owner, Api.runnablePortalCampaign());
        Api.as(stranger).get(PREFIX + "/campaigns/" + id).then().statusCode(404)
                .body("message", equalTo("Campaign not found"));
        Api.setStatus(stranger, id, "running").statusCode(404);
        Api.as(stranger).delete(PREFIX + "/campaigns/" + id).then().statusCode(404);
        Api.as(owner).get(PREFIX + "/campaigns/" + id).then().statusCode(200).body("status", equalTo("draft"));
    }

    @Test
    void testAndLiveDataAreInvisibleToEachOther() {
        var workspace = Api.newWorkspace();
        String test = Api.newKey(workspace.id(), "test");
        String live = Api.newKey(workspace.id(), "live");
        String testCampaign = Api.createCampaign(test, Api.runnablePortalCampaign());
        Api.as(live).get(PREFIX + "/campaigns/" + testCampaign).then().statusCode(404);
        Api.as(live).get(PREFIX + "/campaigns").then().body("total", equalTo(0));
        Api.as(test).get(PREFIX + "/campaigns/" + testCampaign).then().statusCode(200)
                .body("environment", equalTo("test"));
    }

    @Test
    void responsesCarryRateLimitHeaders() {
        String key = Api.testKey();
        Api.as(key).get(PREFIX + "/me").then().statusCode(200)
                .header("X-RateLimit-Limit", equalTo("600"))
                .header("X-RateLimit-Remaining", equalTo("599"))
                .header("X-RateLimit-Reset", notNullValue());
    }

    @Test
    void adminApiNeedsTheOperatorTokenNotAnApiKey() {
        String key = Api.testKey();
        given().header("Authorization", "Bearer " + key).contentType("application/json")
                .body(Map.of("name", "x")).post("/admin/v1/workspaces").then().statusCode(401)
                .body("message", equalTo("Invalid or missing operator token"));
        given().contentType("application/json").body(Map.of("name", "x")).post("/admin/v1/workspaces")
                .then().statusCode(401);
    }

    @Test
    void adminValidatesItsInput() {
        Api.admin().body(Map.of("name", "x", "timezone", "Mars/Olympus")).post("/admin/v1/workspaces")
                .then().statusCode(400).body("message", equalTo("timezone must be an IANA time zone such as Europe/Madrid"));
        var workspace = Api.newWorkspace();
        Api.admin().body(Map.of("name", "k", "environment", "staging")).post("/admin/v1/workspaces/" + workspace.id() + "/api-keys")
                .then().statusCode(400).body("message", equalTo("environment must be one of live, test"));
        Api.admin().body(Map.of("name", "k", "environment", "test", "scopes", java.util.List.of("campaigns:admin")))
                .post("/admin/v1/workspaces/" + workspace.id() + "/api-keys")
                .then().statusCode(400).body("details[0].field", equalTo("scopes"));
        Api.admin().body(Map.of("name", "k", "environment", "test"))
                .post("/admin/v1/workspaces/00000000-0000-0000-0000-000000000000/api-keys")
                .then().statusCode(404).body("details", nullValue());
    }
}
