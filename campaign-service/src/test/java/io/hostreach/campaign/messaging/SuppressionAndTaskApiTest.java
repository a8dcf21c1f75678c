package io.hostreach.campaign.messaging;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.OutreachWorkerStub;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.hostreach.campaign.support.Api.PREFIX;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** {@code /suppressions} and {@code /messaging/tasks} go to outreach-worker (stood in here, speaking its JSON). */
@QuarkusTest
class SuppressionAndTaskApiTest {

    private static final String JSON = "application/json";

    private final WireMockServer worker = OutreachWorkerStub.server();

    private record Tenant(String key, String workspaceId) {
    }

    private static Tenant tenant(String environment, String... scopes) {
        String workspace = Api.newWorkspace().id();
        return new Tenant(Api.newKey(workspace, environment, scopes), workspace);
    }

    private static String suppressionJson(String phone, String reason, String source) {
        return """
                {"phone":"%s","reason":%s,"source":"%s","environment":"test","createdAt":"2026-11-28T10:00:00Z"}"""
                .formatted(phone, reason == null ? "null" : "\"" + reason + "\"", source);
    }

    @Test
    void theListIsTheWorkersFencedByTheKeysWorkspaceAndEnvironment() {
        Tenant t = tenant("test");
        String path = "/internal/v1/workspaces/" + t.workspaceId() + "/suppressions";
        worker.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"data\":[" + suppressionJson("+34612345678", "BAJA", "opt_out") + "],\"page\":2,\"limit\":5,\"total\":6}")));

        Api.as(t.key()).get(PREFIX + "/suppressions?page=2&limit=5").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(6)).body("page", org.hamcrest.Matchers.equalTo(2))
                .body("data[0].phone", org.hamcrest.Matchers.equalTo("+34612345678"))
                .body("data[0].source", org.hamcrest.Matchers.equalTo("opt_out"))
                .body("data[0]", not(hasKey("environment")));
        worker.verify(getRequestedFor(urlPathEqualTo(path)).withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .withQueryParam("environment", equalTo("test")).withQueryParam("page", equalTo("2"))
                .withQueryParam("limit", equalTo("5")));

        Api.as(t.key()).get(PREFIX + "/suppressions?limit=101").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("limit must be a whole number between 1 and 100"));
    }

    @Test
    void addingNormalisesTheNumberInTheWorkspacesCountry() {
        Tenant t = tenant("live");
        String path = "/internal/v1/workspaces/" + t.workspaceId() + "/suppressions";
        worker.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", JSON)
                .withBody(suppressionJson("+34612345678", "Asked by phone", "manual"))));

        Api.as(t.key()).body(Map.of("phone", "612 34 56 78", "reason", " Asked by phone ")).post(PREFIX + "/suppressions")
                .then().statusCode(201).body("phone", org.hamcrest.Matchers.equalTo("+34612345678"))
                .body("source", org.hamcrest.Matchers.equalTo("manual"));
        worker.verify(postRequestedFor(urlPathEqualTo(path)).withQueryParam("environment", equalTo("live"))
                .withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .withRequestBody(equalToJson("{\"phone\":\"+34612345678\",\"reason\":\"Asked by phone\"}")));

        // Already on the list: the worker says 200, so do we.
        worker.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody(suppressionJson("+34612345678", "Asked by phone", "manual"))));
        Api.as(t.key()).body(Map.of("phone", "0034612345678")).post(PREFIX + "/suppressions").then().statusCode(200);
        worker.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"phone\":\"+34612345678\"}")));
    }

    @Test
    void badBodiesAreRefusedBeforeAnythingIsAsked() {
        Tenant t = tenant("test");
        String path = "/internal/v1/workspaces/" + t.workspaceId() + "/suppressions";
        Api.as(t.key()).body(Map.of("reason", "x")).post(PREFIX + "/suppressions").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("phone is required (E.164, e.g. +34612345678)"));
        Api.as(t.key()).body(Map.of("phone", "12")).post(PREFIX + "/suppressions").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("phone must be a valid phone number (E.164, e.g. +34612345678)"));
        Api.as(t.key()).body(Map.of("phone", "+34612345678", "why", "x")).post(PREFIX + "/suppressions").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("Unknown field 'why'"));
        Api.as(t.key()).body(Map.of("phone", 34612345678L)).post(PREFIX + "/suppressions").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("phone must be a string"));
        Api.as(t.key()).body(Map.of("phone", "+34612345678", "reason", "x".repeat(256))).post(PREFIX + "/suppressions").then()
                .statusCode(400).body("message", org.hamcrest.Matchers.equalTo("reason must be at most 255 characters"));
        Api.as(t.key()).body("[1]").post(PREFIX + "/suppressions").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("Request body must be a JSON object"));
        Api.as(t.key()).delete(PREFIX + "/suppressions").then().statusCode(400);
        worker.verify(0, postRequestedFor(urlPathEqualTo(path)));
        worker.verify(0, deleteRequestedFor(urlPathMatching(path + ".*")));
    }

    @Test
    void removingByQueryOrPathAndTheWorkersNotFoundPassesThrough() {
        Tenant t = tenant("test");
        String path = "/internal/v1/workspaces/" + t.workspaceId() + "/suppressions/+34612345678";
        worker.stubFor(delete(urlPathEqualTo(path)).willReturn(aResponse().withStatus(204)));
        Api.as(t.key()).queryParam("phone", "+34 612 345 678").delete(PREFIX + "/suppressions").then().statusCode(204);
        Api.as(t.key()).delete(PREFIX + "/suppressions/612345678").then().statusCode(204);
        worker.verify(2, deleteRequestedFor(urlPathEqualTo(path)).withQueryParam("environment", equalTo("test")));

        String other = "/internal/v1/workspaces/" + t.workspaceId() + "/suppressions/+34699999999";
        worker.stubFor(delete(urlPathEqualTo(other)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", JSON)
                .withBody("{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"phone +34699999999 is not on the suppression list\"}")));
        Api.as(t.key()).delete(PREFIX + "/suppressions/+34699999999").then().statusCode(404)
                .body("statusCode", org.hamcrest.Matchers.equalTo(404)).body("error", org.hamcrest.Matchers.equalTo("Not Found"))
                .body("message", org.hamcrest.Matchers.equalTo("phone +34699999999 is not on the suppression list"));
    }

    @Test
    void aWorkerThatIsDownOrBrokenIsA503() {
        Tenant t = tenant("test");
        String path = "/internal/v1/workspaces/" + t.workspaceId() + "/suppressions";
        worker.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Api.as(t.key()).get(PREFIX + "/suppressions").then().statusCode(503)
                .body("error", org.hamcrest.Matchers.equalTo("Service Unavailable"))
                .body("message", org.hamcrest.Matchers.equalTo("The messaging service is unavailable; retry shortly"));
        worker.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500).withHeader("Content-Type", JSON)
                .withBody("{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"Internal error\"}")));
        Api.as(t.key()).get(PREFIX + "/suppressions").then().statusCode(503);
    }

    @Test
    void scopesAreMessaging() {
        Tenant reader = tenant("test", "messaging:read");
        Api.as(reader.key()).body(Map.of("phone", "+34612345678")).post(PREFIX + "/suppressions").then().statusCode(403)
                .body("message", org.hamcrest.Matchers.equalTo("This API key does not have the required scope: messaging:write"));
        Tenant other = tenant("test", "campaigns:read");
        Api.as(other.key()).get(PREFIX + "/messaging/tasks").then().statusCode(403);
    }

    private static String taskJson(String id, String workspaceId, String status, String outcome) {
        return """
                {"id":"%s","leadId":"%s","campaignId":"%s","workspaceId":"%s","environment":"test","step":1,
                 "phone":"+34612345678","text":"Hola Ana, ¿sigue disponible el piso?",
                 "link":"https://wa.me/34612345678?text=Hola%%20Ana","dueAt":"2026-11-28T10:00:00Z","status":"%s",
                 "outcome":%s,"createdAt":"2026-11-28T09:59:00Z","completedAt":null}"""
                .formatted(id, UUID.randomUUID(), UUID.randomUUID(), workspaceId, status,
                        outcome == null ? "null" : "\"" + outcome + "\"");
    }

    @Test
    void tasksAreListedAndCompletedInTheKeysWorkspace() {
        Tenant t = tenant("test");
        String task = UUID.randomUUID().toString();
        String list = "/internal/v1/workspaces/" + t.workspaceId() + "/tasks";
        worker.stubFor(get(urlPathEqualTo(list)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"data\":[" + taskJson(task, t.workspaceId(), "open", null) + "],\"page\":1,\"limit\":20,\"total\":1}")));
        Api.as(t.key()).get(PREFIX + "/messaging/tasks?status=open").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .body("data[0].id", org.hamcrest.Matchers.equalTo(task))
                .body("data[0].text", org.hamcrest.Matchers.equalTo("Hola Ana, ¿sigue disponible el piso?"))
                .body("data[0].link", org.hamcrest.Matchers.equalTo("https://wa.me/34612345678?text=Hola%20Ana"))
                .body("data[0].dueAt", org.hamcrest.Matchers.equalTo("2026-11-28T10:00:00Z"))
                .body("data[0]", not(hasKey("workspaceId")));
        worker.verify(getRequestedFor(urlPathEqualTo(list)).withQueryParam("status", equalTo("open"))
                .withQueryParam("environment", equalTo("test")).withHeader("X-Internal-Token", equalTo("test-internal-token")));
        Api.as(t.key()).get(PREFIX + "/messaging/tasks?status=closed").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.equalTo("status must be one of open, done, cancelled"));

        String complete = "/internal/v1/workspaces/" + t.workspaceId() + "/tasks/" + task + "/complete";
        worker.stubFor(post(urlPathEqualTo(complete)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody(taskJson(task, t.workspaceId(), "done", "sent"))));
        Api.as(t.key()).body(Map.of("outcome", "sent")).post(PREFIX + "/messaging/tasks/" + task + "/complete").then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("done"))
                .body("outcome", org.hamcrest.Matchers.equalTo("sent"));
        worker.verify(postRequestedFor(urlPathEqualTo(complete)).withQueryParam("environment", equalTo("test"))
                .withRequestBody(equalToJson("{\"outcome\":\"sent\"}")));

        // Another workspace's task: the worker does not find it there.
        Tenant stranger = tenant("test");
        worker.stubFor(post(urlPathEqualTo("/internal/v1/workspaces/" + stranger.workspaceId() + "/tasks/" + task + "/complete"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", JSON)
                        .withBody("{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Task " + task + " does not exist\"}")));
        Api.as(stranger.key()).body(Map.of("outcome", "sent")).post(PREFIX + "/messaging/tasks/" + task + "/complete").then()
                .statusCode(404).body("message", org.hamcrest.Matchers.equalTo("Task " + task + " does not exist"));

        Api.as(t.key()).body(Map.of("outcome", "done")).post(PREFIX + "/messaging/tasks/" + task + "/complete").then()
                .statusCode(400).body("message", org.hamcrest.Matchers.equalTo("outcome must be one of sent, skipped, replied"));
        Api.as(t.key()).body(Map.of()).post(PREFIX + "/messaging/tasks/" + task + "/complete").then()
                .statusCode(400).body("message", org.hamcrest.Matchers.equalTo("outcome is required: sent, skipped, replied"));
        Api.as(t.key()).body(Map.of("outcome", "sent", "note", "x")).post(PREFIX + "/messaging/tasks/" + task + "/complete")
                .then().statusCode(400);
        Api.as(t.key()).body(Map.of("outcome", "sent")).post(PREFIX + "/messaging/tasks/not-a-uuid/complete").then()
                .statusCode(404);
        worker.verify(1, postRequestedFor(urlPathEqualTo(complete)));
    }
}
