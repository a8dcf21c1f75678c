package io.hostreach.outreach.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.outreach.support.OutreachFixture;
import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.Webhooks;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.testing.EventContract;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Meta's template reviews arrive on the WhatsApp webhook and leave as template.status-changed for campaign-service. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class TemplateStatusWebhookTest extends QuarkusOutreachTest {

    private static final String TYPE = "io.hostreach.template.status-changed";

    private static String templateId() {
        return String.valueOf(1_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    /** Meta's payload of a message_template_status_update, as documented (the template id is a JSON number). */
    private static String statusUpdate(String metaTemplateId, String event, String reason, long time) {
        return """
                {"entry":[{"id":"102290129340398","time":%d,"changes":[{"value":{"event":"%s",
                "message_template_id":%s,"message_template_name":"captacion_vendedor_v1",
                "message_template_language":"es_ES","reason":"%s"},"field":"message_template_status_update"}]}],
                "object":"whatsapp_business_account"}""".formatted(time, event, metaTemplateId, reason);
    }

    private List<JsonNode> eventsOf(String metaTemplateId) {
        return fixture.events(TYPE, d -> metaTemplateId.equals(d.path("metaTemplateId").asText()));
    }

    @Test
    void aReviewIsRelayedAsAContractConformingEventKeyedByTheTemplate() {
        String id = templateId();
        Webhooks.post(statusUpdate(id, "APPROVED", "NONE", 1764324298L)).then().statusCode(200);

        JsonNode event = fixture.awaitEvent(TYPE, d -> id.equals(d.path("metaTemplateId").asText()));
        assertEquals(List.of(), EventContract.load().violations(event.toString()));
        assertEquals(id, event.path("subject").asText());
        assertEquals("/hostreach/outreach-worker", event.path("source").asText());
        JsonNode data = event.path("data");
        assertEquals("102290129340398", data.path("wabaId").asText());
        assertEquals("captacion_vendedor_v1", data.path("name").asText());
        assertEquals("es_ES", data.path("language").asText());
        assertEquals("APPROVED", data.path("status").asText());
        assertEquals("NONE", data.path("reason").asText());
        assertEquals("2025-11-28T10:04:58Z", data.path("occurredAt").asText());
        // The record key is the template id, so one template's reviews stay in order.
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from outbox_event where message_key = ? and published_at is not null", id) == 1);
    }

    @Test
    void aRejectionAndAPauseKeepMetasReason() {
        String id = templateId();
        Webhooks.post(statusUpdate(id, "REJECTED", "INVALID_FORMAT", 1764324300L)).then().statusCode(200);
        Webhooks.post(statusUpdate(id, "PAUSED", "Low quality: many users blocked the business", 1764324400L))
                .then().statusCode(200);

        await().atMost(OutreachFixture.WAIT).until(() -> eventsOf(id).size() == 2);
        assertEquals(List.of("REJECTED", "PAUSED"), eventsOf(id).stream().map(e -> e.path("data").path("status").asText()).toList());
        assertEquals("INVALID_FORMAT", eventsOf(id).get(0).path("data").path("reason").asText());
        assertEquals("Low quality: many users blocked the business", eventsOf(id).get(1).path("data").path("reason").asText());
    }

    @Test
    void anUnsignedTemplateUpdateIsRefusedAndRelaysNothing() {
        String id = templateId();
        given().contentType("application/json").body(statusUpdate(id, "APPROVED", "NONE", 1764324298L))
                .post("/webhooks/whatsapp").then().statusCode(401);
        String other = templateId();
        Webhooks.post(statusUpdate(other, "APPROVED", "NONE", 1764324298L)).then().statusCode(200);
        fixture.awaitEvent(TYPE, d -> other.equals(d.path("metaTemplateId").asText()));
        assertEquals(0, eventsOf(id).size());
    }
}
