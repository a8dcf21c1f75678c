package io.hostreach.campaign.template;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.InjectGraphApi;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.hostreach.campaign.support.Api.PREFIX;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Live Meta templates against WireMock at Meta's real paths and bodies: submission, Meta's verdicts, retries,
 * edits, and the status webhooks that come back as template.status-changed events.
 */
@QuarkusTest
class TemplateMetaTest {

    private static final String TOKEN = "EAAGm0PX4ZCpsBAKZA-live-token-987654";

    @InjectGraphApi
    WireMockServer graph;

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.outreach-events")
    String outreachTopic;

    /** A live key of a fresh workspace, with a connected Cloud API account of its own WABA. */
    private record Live(String key, String waba) {
        String templates() {
            return "/v21.0/" + waba + "/message_templates";
        }
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder().append(1 + ThreadLocalRandom.current().nextInt(9));
        while (s.length() < n) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    private static Live live() {
        String key = Api.newKey(Api.newWorkspace().id(), "live");
        String waba = digits(15);
        connect(key, waba);
        return new Live(key, waba);
    }

    private static void connect(String key, String waba) {
        Api.as(key).body(Map.of("type", "whatsapp", "whatsAppBusinessAccountId", waba, "phoneNumberId", digits(15),
                "token", TOKEN, "phone", "+3461" + digits(7))).post(PREFIX + "/accounts").then().statusCode(201);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder accepted(String id, String status, String category) {
        return json(200, "{\"id\":\"%s\",\"status\":\"%s\",\"category\":\"%s\"}".formatted(id, status, category));
    }

    private static ResponseDefinitionBuilder graphError(int http, int code, Integer subcode, String message, String userMessage) {
        return json(http, """
                {"error":{"message":"%s","type":"OAuthException","code":%d%s%s,"fbtrace_id":"AQx9Zb1cQ2"}}"""
                .formatted(message, code, subcode == null ? "" : ",\"error_subcode\":" + subcode,
                        userMessage == null ? "" : ",\"is_transient\":false,\"error_user_title\":\"Error\",\"error_user_msg\":\"" + userMessage + "\""));
    }

    private List<LoggedRequest> submissions(Live live) {
        return graph.findAll(postRequestedFor(urlPathEqualTo(live.templates())));
    }

    private String create(Live live, Map<String, Object> body, int status) {
        return Api.as(live.key()).body(body).post(PREFIX + "/templates").then().statusCode(status).extract().path("id");
    }

    @Test
    void aLiveMetaTemplateIsSubmittedWithMetasBodyAndTheAccountsToken() {
        Live live = live();
        String metaId = digits(16);
        graph.stubFor(post(urlPathEqualTo(live.templates())).willReturn(accepted(metaId, "PENDING", "MARKETING")));

        String id = Api.as(live.key()).body(TemplateApiTest.meta("captacion_vendedor_v1")).post(PREFIX + "/templates").then()
                .statusCode(201)
                .body("status", equalTo("PENDING")).body("metaTemplateId", equalTo(metaId)).body("statusReason", nullValue())
                .body("wabaId", equalTo(live.waba())).body(not(containsString(TOKEN)))
                .extract().path("id");

        List<LoggedRequest> requests = submissions(live);
        assertEquals(1, requests.size());
        graph.verify(postRequestedFor(urlPathEqualTo(live.templates()))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", WireMock.equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"name":"captacion_vendedor_v1","language":"es_ES","category":"MARKETING","components":[
                          {"type":"HEADER","format":"TEXT","text":"Tu anuncio"},
                          {"type":"BODY","text":"Hola {{1}}, he visto \\"{{2}}\\" por {{3}} €. ¿Hablamos?",
                           "example":{"body_text":[["Carmen","Piso en Ruzafa","950"]]}},
                          {"type":"FOOTER","text":"Responde BAJA para no recibir más mensajes"},
                          {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Baja"}]}]}""")));
        Api.as(live.key()).get(PREFIX + "/templates/" + id).then().body("status", equalTo("PENDING"))
                .body("metaTemplateId", equalTo(metaId));
        // The internal read tells outreach-worker it may not send it yet.
        io.restassured.RestAssured.given().header("X-Internal-Token", "test-internal-token").get("/internal/v1/templates/" + id)
                .then().body("status", equalTo("PENDING"));
    }

    @Test
    void metasRefusalIsStoredAsRejectedWithItsReasonAndAChangeSubmitsAgain() {
        Live live = live();
        graph.stubFor(post(urlPathEqualTo(live.templates())).inScenario("refused").whenScenarioStateIs(STARTED)
                .willReturn(graphError(400, 100, 2388299, "Invalid parameter",
                        "Variables can't be at the start or end of the template."))
                .willSetStateTo("fixed"));
        String metaId = digits(16);
        graph.stubFor(post(urlPathEqualTo(live.templates())).inScenario("refused").whenScenarioStateIs("fixed")
                .willReturn(accepted(metaId, "PENDING", "MARKETING")));

        String id = create(live, TemplateApiTest.meta("rechazada"), 201);
        Api.as(live.key()).get(PREFIX + "/templates/" + id).then().body("status", equalTo("REJECTED"))
                .body("metaTemplateId", nullValue())
                .body("statusReason", equalTo("Meta refused the template: Variables can't be at the start or end of the "
                        + "template. (code 100, subcode 2388299) [fbtrace_id AQx9Zb1cQ2]"));
        Api.as(live.key()).get(PREFIX + "/templates?status=REJECTED").then().body("total", equalTo(1));

        // Meta never took it: a change goes to Meta as a new submission.
        Api.as(live.key()).body(Map.of("components", List.of(Map.of("type", "BODY", "text", "Hola {{1}}, ¿{{2}} por {{3}} €?"))))
                .patch(PREFIX + "/templates/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("metaTemplateId", equalTo(metaId));
        assertEquals(2, submissions(live).size());
    }

    @Test
    void serverErrorsAreRetriedAndTheAnswerAfterThemCounts() {
        Live live = live();
        String metaId = digits(16);
        graph.stubFor(post(urlPathEqualTo(live.templates())).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"))
                .willSetStateTo("second"));
        graph.stubFor(post(urlPathEqualTo(live.templates())).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
        graph.stubFor(post(urlPathEqualTo(live.templates())).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(accepted(metaId, "APPROVED", "UTILITY")));

        Api.as(live.key()).body(TemplateApiTest.meta("reintentada")).post(PREFIX + "/templates").then().statusCode(201)
                .body("status", equalTo("APPROVED")).body("metaTemplateId", equalTo(metaId))
                // Meta may re-categorise a template; it says so.
                .body("category", equalTo("UTILITY"))
                .body("statusReason", equalTo("Meta categorised the template as UTILITY (submitted as MARKETING)"));
        assertEquals(3, submissions(live).size());
    }

    @Test
    void whenMetaCannotBeReachedTheTemplateIsErrorAndCanBeSubmittedAgain() {
        Live live = live();
        graph.stubFor(post(urlPathEqualTo(live.templates())).willReturn(aResponse().withStatus(502)));
        String id = create(live, TemplateApiTest.meta("sin_meta"), 201);
        assertEquals(3, submissions(live).size());
        Api.as(live.key()).get(PREFIX + "/templates/" + id).then().body("status", equalTo("ERROR"))
                .body("statusReason", equalTo("Meta could not be reached (Meta answered HTTP 502, after retries): "
                        + "POST /templates/" + id + "/submit to try again"));

        String metaId = digits(16);
        graph.stubFor(post(urlPathEqualTo(live.templates())).atPriority(1).willReturn(accepted(metaId, "PENDING", "MARKETING")));
        Api.as(live.key()).post(PREFIX + "/templates/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("metaTemplateId", equalTo(metaId));
        Api.as(live.key()).post(PREFIX + "/templates/" + id + "/submit").then().statusCode(409)
                .body("message", containsString("Meta already has this template"));
        String text = create(live, TemplateApiTest.text("solo_texto"), 201);
        Api.as(live.key()).post(PREFIX + "/templates/" + text + "/submit").then().statusCode(409);
    }

    @Test
    void anAttemptThatTimedOutButReachedMetaIsRecognisedOnTheRetry() {
        Live live = live();
        String metaId = digits(16);
        // The first attempt is answered after the 1 s timeout (Meta did create it); the retry meets "already exists".
        graph.stubFor(post(urlPathEqualTo(live.templates())).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(accepted(metaId, "PENDING", "MARKETING").withFixedDelay(1500)).willSetStateTo("created"));
        graph.stubFor(post(urlPathEqualTo(live.templates())).inScenario("slow").whenScenarioStateIs("created")
                .willReturn(graphError(400, 100, 2388024, "Invalid parameter",
                        "Content in this language already exists")));
        graph.stubFor(get(urlPathEqualTo(live.templates())).withQueryParam("name", WireMock.equalTo("lenta"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
                .willReturn(json(200, """
                        {"data":[{"id":"%s","name":"lenta","language":"es_ES","status":"PENDING","category":"MARKETING"}],
                         "paging":{"cursors":{"before":"QVFI","after":"QVFI"}}}""".formatted(metaId))));

        Api.as(live.key()).body(TemplateApiTest.meta("lenta")).post(PREFIX + "/templates").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("metaTemplateId", equalTo(metaId));
    }

    @Test
    void aRefusedTokenIsTheAccountsErrorNotARejection() {
        Live live = live();
        graph.stubFor(post(urlPathEqualTo(live.templates())).willReturn(graphError(401, 190, 463,
                "Error validating access token: Session has expired on Friday, 27-Nov-26 10:00:00 PST.", null)));
        Api.as(live.key()).body(TemplateApiTest.meta("token_caducado")).post(PREFIX + "/templates").then().statusCode(201)
                .body("status", equalTo("ERROR"))
                .body("statusReason", containsString("Meta refused the WhatsApp account's token: Error validating access token"))
                .body("statusReason", containsString("(code 190, subcode 463)"))
                .body("statusReason", containsString("Reconnect the account, then POST /templates/"));
    }

    @Test
    void aLiveMetaTemplateNeedsAnAccountOfItsWaba() {
        String key = Api.newKey(Api.newWorkspace().id(), "live");
        Api.as(key).body(TemplateApiTest.meta("sin_cuenta")).post(PREFIX + "/templates").then().statusCode(409)
                .body("message", equalTo("A meta-api template is submitted through a WhatsApp Cloud API account: connect one "
                        + "first (POST /accounts), or create a text template"));
        String first = digits(15);
        String second = digits(15);
        connect(key, first);
        connect(key, second);
        Api.as(key).body(TemplateApiTest.meta("dos_wabas")).post(PREFIX + "/templates").then().statusCode(400)
                .body("message", containsString("wabaId is required: this workspace's accounts belong to several WhatsApp Business Accounts"));
        Map<String, Object> other = new java.util.HashMap<>(TemplateApiTest.meta("otra_waba"));
        other.put("wabaId", "99999999999");
        Api.as(key).body(other).post(PREFIX + "/templates").then().statusCode(409)
                .body("message", containsString("No connected WhatsApp Cloud API account of this workspace belongs to WABA 99999999999"));
        assertEquals(0, graph.findAll(postRequestedFor(urlPathEqualTo("/v21.0/" + first + "/message_templates"))).size());
        // Nothing was stored by the refused requests: the name is still free.
        Api.as(key).get(PREFIX + "/templates").then().body("total", equalTo(0));
        // Text templates need no account.
        Api.as(key).body(TemplateApiTest.text("texto_vivo")).post(PREFIX + "/templates").then().statusCode(201)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void aChangeToATemplateMetaHoldsIsAnEditMetaReviewsAgain() {
        Live live = live();
        String metaId = digits(16);
        graph.stubFor(post(urlPathEqualTo(live.templates())).willReturn(accepted(metaId, "APPROVED", "MARKETING")));
        String id = create(live, TemplateApiTest.meta("editable"), 201);

        // Local-only fields do not bother Meta.
        Api.as(live.key()).body(Map.of("variables", List.of("name", "listing.title", "listing.city"), "platform", "fotocasa"))
                .patch(PREFIX + "/templates/" + id).then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("platform", equalTo("fotocasa"));
        Api.as(live.key()).body(Map.of("name", "otro_nombre")).patch(PREFIX + "/templates/" + id).then().statusCode(409)
                .body("message", equalTo("The name of a template Meta holds cannot change (Meta's rule); create a new template instead"));

        String edit = "/v21.0/" + metaId;
        graph.stubFor(post(urlPathEqualTo(edit)).inScenario("edit").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"success\":true}")).willSetStateTo("refuse"));
        graph.stubFor(post(urlPathEqualTo(edit)).inScenario("edit").whenScenarioStateIs("refuse")
                .willReturn(graphError(400, 100, 2388040, "Invalid parameter",
                        "An approved template can be edited once a day")));
        List<Map<String, String>> body = List.of(Map.of("type", "BODY", "text", "Buenos días {{1}}: ¿{{2}} en {{3}}?"));
        Api.as(live.key()).body(Map.of("components", body)).patch(PREFIX + "/templates/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("components[0].text", equalTo("Buenos días {{1}}: ¿{{2}} en {{3}}?"));
        graph.verify(postRequestedFor(urlPathEqualTo(edit)).withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"components":[{"type":"BODY","text":"Buenos días {{1}}: ¿{{2}} en {{3}}?",
                          "example":{"body_text":[["Carmen","Piso en Ruzafa","Valencia"]]}}]}""")));

        Api.as(live.key()).body(Map.of("components", List.of(Map.of("type", "BODY", "text", "Hola {{1}}, {{2}}, {{3}}."))))
                .patch(PREFIX + "/templates/" + id).then().statusCode(422)
                .body("message", equalTo("Meta refused the change: An approved template can be edited once a day "
                        + "(code 100, subcode 2388040) [fbtrace_id AQx9Zb1cQ2]; the template is unchanged"));
        Api.as(live.key()).get(PREFIX + "/templates/" + id).then()
                .body("components[0].text", equalTo("Buenos días {{1}}: ¿{{2}} en {{3}}?"));
        assertEquals(1, submissions(live).size());
    }

    // --- Meta's reviews, relayed by outreach-worker ---

    private void statusEvent(String waba, String metaId, String name, String status, String reason, String occurredAt) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/hostreach/outreach-worker","type":"io.hostreach.template.status-changed",
                 "subject":"%s","time":"%s","datacontenttype":"application/json",
                 "dataschema":"https://hostreach.io/schemas/events/template.status-changed.json",
                 "data":{"wabaId":"%s","metaTemplateId":"%s","name":"%s","language":"es_ES","status":"%s","reason":"%s",
                   "occurredAt":"%s"}}""".formatted(UUID.randomUUID(), metaId, occurredAt, waba, metaId, name, status, reason,
                occurredAt);
        assertEquals(List.of(), io.hostreach.testing.EventContract.load().violations(event));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(outreachTopic, metaId, event)).awaitCompletion();
    }

    @Test
    void metasReviewsKeepTheStatusCurrentAndALateOneCannotMoveItBack() {
        Live live = live();
        String metaId = digits(16);
        graph.stubFor(post(urlPathEqualTo(live.templates())).willReturn(accepted(metaId, "PENDING", "MARKETING")));
        String id = create(live, TemplateApiTest.meta("revisada"), 201);

        statusEvent(live.waba(), metaId, "revisada", "APPROVED", "NONE", "2026-11-28T10:05:00Z");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(live.key()).get(PREFIX + "/templates/" + id).then()
                .body("status", equalTo("APPROVED")).body("statusReason", nullValue()));

        statusEvent(live.waba(), metaId, "revisada", "PAUSED", "Low quality: too many blocks", "2026-11-28T12:00:00Z");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(live.key()).get(PREFIX + "/templates/" + id).then()
                .body("status", equalTo("PAUSED")).body("statusReason", equalTo("Meta paused: Low quality: too many blocks")));

        // Older than the pause (a late redelivery): ignored. Then a newer one that is no status of ours only explains.
        statusEvent(live.waba(), metaId, "revisada", "APPROVED", "NONE", "2026-11-28T11:00:00Z");
        statusEvent(live.waba(), metaId, "revisada", "FLAGGED", "Quality is low", "2026-11-28T13:00:00Z");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(live.key()).get(PREFIX + "/templates/" + id).then()
                .body("status", equalTo("PAUSED")).body("statusReason", equalTo("Meta reports FLAGGED: Quality is low")));

        statusEvent(live.waba(), metaId, "revisada", "REJECTED", "INVALID_FORMAT", "2026-11-28T14:00:00Z");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(live.key()).get(PREFIX + "/templates/" + id).then()
                .body("status", equalTo("REJECTED")).body("statusReason", equalTo("Meta rejected: INVALID_FORMAT")));
        io.restassured.RestAssured.given().header("X-Internal-Token", "test-internal-token").get("/internal/v1/templates/" + id)
                .then().body("status", equalTo("REJECTED"));
    }

    @Test
    void aReviewOfATemplateWhoseSubmissionAnswerIsLateIsFoundByNameAndLanguage() {
        Live live = live();
        graph.stubFor(post(urlPathEqualTo(live.templates())).willReturn(aResponse().withStatus(503)));
        String id = create(live, TemplateApiTest.meta("sin_respuesta"), 201);
        String metaId = digits(16);
        statusEvent(live.waba(), metaId, "sin_respuesta", "APPROVED", "NONE", "2026-11-28T10:05:00Z");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(live.key()).get(PREFIX + "/templates/" + id).then()
                .body("status", equalTo("APPROVED")).body("metaTemplateId", equalTo(metaId)));
    }
}
