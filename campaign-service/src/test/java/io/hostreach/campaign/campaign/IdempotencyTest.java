package io.hostreach.campaign.campaign;

import io.hostreach.campaign.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.hostreach.campaign.support.Api.PREFIX;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IdempotencyTest {

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstAnswerAndCreatesNothingTwice() {
        String key = Api.testKey();
        String idem = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("platform", "widget", "name", "Inbound");
        String id = Api.as(key).header("Idempotency-Key", idem).body(body).post(PREFIX + "/campaigns")
                .then().statusCode(201).extract().path("id");
        Api.as(key).header("Idempotency-Key", idem).body(body).post(PREFIX + "/campaigns")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Api.as(key).get(PREFIX + "/campaigns").then().body("total", equalTo(1));

        Api.as(key).header("Idempotency-Key", idem).body(Map.of("platform", "widget", "name", "Other"))
                .post(PREFIX + "/campaigns").then().statusCode(409)
                .body("message", equalTo("Idempotency-Key was already used with a different request; use a new key"));
        Api.as(key).get(PREFIX + "/campaigns").then().body("total", equalTo(1));
    }

    @Test
    void aFailedRequestReleasesItsKey() {
        String key = Api.testKey();
        String idem = UUID.randomUUID().toString();
        Api.as(key).header("Idempotency-Key", idem).body(Map.of("platform", "nope"))
                .post(PREFIX + "/campaigns").then().statusCode(400);
        Api.as(key).header("Idempotency-Key", idem).body(Map.of("platform", "widget"))
                .post(PREFIX + "/campaigns").then().statusCode(201);
    }

    @Test
    void keysAreScopedToTheApiKey() {
        String idem = UUID.randomUUID().toString();
        String a = Api.testKey();
        String b = Api.testKey();
        String first = Api.as(a).header("Idempotency-Key", idem).body(Map.of("platform", "widget"))
                .post(PREFIX + "/campaigns").then().statusCode(201).extract().path("id");
        Api.as(b).header("Idempotency-Key", idem).body(Map.of("platform", "widget"))
                .post(PREFIX + "/campaigns").then().statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(first)));
    }
}
