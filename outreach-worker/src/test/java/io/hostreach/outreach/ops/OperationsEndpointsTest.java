package io.hostreach.outreach.ops;

import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/** What operators and Kubernetes rely on: health, metrics, and the error format of the internal API. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithTheDatabaseAndKafkaChecked() {
        // Readiness turns UP once the consumer has joined its group.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Kafka connection health check",
                        "Reactive PostgreSQL connections health check")));
    }

    @Test
    void metricsAreServedAsPrometheusText() {
        // What a Prometheus scraper asks for (without it, the registry answers in OpenMetrics).
        given().accept("text/plain").get("/q/metrics").then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void anUnknownCampaignIsA404InTheApiErrorFormat() {
        given().get("/internal/v1/campaigns/{id}", UUID.randomUUID()).then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("statusCode", is(404))
                .body("error", is("Not Found"))
                .body("message", containsString("is not known to outreach-worker"));
    }

    @Test
    void aMalformedCampaignIdIsA404InTheApiErrorFormat() {
        given().get("/internal/v1/campaigns/not-a-uuid").then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("statusCode", is(404))
                .body("error", is("Not Found"));
    }
}
