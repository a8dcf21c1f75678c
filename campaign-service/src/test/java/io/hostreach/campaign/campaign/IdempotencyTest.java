package io.hostreach.campaign.campaign;

import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.TestDatabase;
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

    /**
     * The answer is stored in the transaction that makes the change: a process that dies after the change and
     * before the answer (simulated by a trigger that refuses to store it) leaves no campaign behind, so the
     * retry, which takes the key over, creates exactly one.
     */
    @Test
    void theChangeAndItsStoredAnswerCommitTogether() {
        String key = Api.testKey();
        String idem = "crash-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("platform", "widget", "name", "Inbound");
        TestDatabase.update("create or replace function refuse_idempotent_answer() returns trigger language plpgsql as "
                + "$$ begin raise exception 'simulated crash before the answer was stored'; end $$");
        TestDatabase.update("create trigger refuse_idempotent_answer before update on idempotency_record for each row "
                + "when (new.idempotency_key like 'crash-%') execute function refuse_idempotent_answer()");
        try {
            Api.as(key).header("Idempotency-Key", idem).body(body).post(PREFIX + "/campaigns").then().statusCode(500);
            Api.as(key).get(PREFIX + "/campaigns").then().body("total", equalTo(0));
        } finally {
            TestDatabase.update("drop trigger refuse_idempotent_answer on idempotency_record");
        }
        String id = Api.as(key).header("Idempotency-Key", idem).body(body).post(PREFIX + "/campaigns")
                .then().statusCode(201).extract().path("id");
        Api.as(key).header("Idempotency-Key", idem).body(body).post(PREFIX + "/campaigns")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
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
