package io.hostreach.extraction.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.hostreach.extraction.testing.ExtractionEventsTest;
import io.hostreach.extraction.testing.Fixtures;
import io.hostreach.extraction.testing.InjectPortalServer;
import io.hostreach.extraction.testing.PortalServer;
import io.hostreach.extraction.testing.PortalStubs;
import io.hostreach.extraction.testing.TestCampaign;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A workspace's portal requests can go through a scraping provider; its key goes in and never comes out. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PortalServer.class, scope = TestResourceScope.GLOBAL)
class FetchRouteTest extends ExtractionEventsTest {

    private static final String KEY = "provider-secret-7f3a91";

    @InjectPortalServer
    WireMockServer portals;


    @Test
    void aWorkspacesRunsGoThroughItsProviderWithItsKeyWhichIsStoredEncryptedAndNeverShown() {
        String location = "724,19,46,0,0,46555,0,0,0";
        TestCampaign campaign = TestCampaign.portal("fotocasa", "rent", location, "Proveedor");
        String template = "http://127.0.0.1:" + portals.port() + "/provider/v1/?render=false&url={url}";
        portals.stubFor(get(urlPathEqualTo("/provider/v1/"))
                .withQueryParam("url", containing("combinedLocationIds=" + location))
                .withHeader("X-Provider-Key", equalTo(KEY))
                .willReturn(PortalStubs.json(Fixtures.read("fotocasa", "search-valencia-alquiler-single-page.json"))));

        given().contentType(ContentType.JSON)
                .body(Map.of("mode", "provider", "urlTemplate", template, "apiKeyHeader", "X-Provider-Key", "apiKey", KEY))
                .put("/internal/v1/workspaces/{id}/fetch-route", campaign.workspaceId)
                .then().statusCode(200)
                .body("mode", is("provider"))
                .body("apiKeySet", is(true))
                .body("source", is("workspace"))
                .body(not(containsString(KEY)));
        given().get("/internal/v1/workspaces/{id}/fetch-route", campaign.workspaceId)
                .then().statusCode(200).body("urlTemplate", is(template)).body(not(containsString(KEY)));
        Map<String, Object> stored = extractions.rows.row("select * from workspace_fetch_route where workspace_id = ?",
                campaign.workspaceId);
        assertFalse(String.valueOf(stored.get("api_key_cipher")).contains(KEY), "stored encrypted");

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        portals.verify(1, getRequestedFor(urlPathEqualTo("/provider/v1/"))
                .withQueryParam("url", containing("combinedLocationIds=" + location)));
        portals.verify(0, getRequestedFor(urlPathEqualTo("/v2/propertysearch/search"))
                .withQueryParam("combinedLocationIds", equalTo(location)));
    }

    @Test
    void aWorkspaceWithoutItsOwnRouteUsesTheGlobalOneAndBadRoutesAreRejected() {
        UUID workspace = UUID.randomUUID();
        given().get("/internal/v1/workspaces/{id}/fetch-route", workspace)
                .then().statusCode(200).body("mode", is("direct")).body("source", is("global"));

        given().contentType(ContentType.JSON).body(Map.of("mode", "provider", "urlTemplate", "https://api.example/?u=x"))
                .put("/internal/v1/workspaces/{id}/fetch-route", workspace)
                .then().statusCode(400).body("statusCode", is(400))
                .body("message", containsString("{url}"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "tunnel"))
                .put("/internal/v1/workspaces/{id}/fetch-route", workspace)
                .then().statusCode(400).body("message", containsString("direct or provider"));

        given().contentType(ContentType.JSON).body(Map.of("mode", "direct"))
                .put("/internal/v1/workspaces/{id}/fetch-route", workspace)
                .then().statusCode(200).body("mode", is("direct")).body("source", is("workspace"));
        given().delete("/internal/v1/workspaces/{id}/fetch-route", workspace).then().statusCode(204);
        given().get("/internal/v1/workspaces/{id}/fetch-route", workspace).then().body("source", is("global"));
    }
}
