package io.hostreach.campaign.campaign;

import io.hostreach.campaign.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.hostreach.campaign.support.Api.PREFIX;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CampaignCreateTest {

    private String key;

    @BeforeEach
    void workspace() {
        key = Api.testKey();
    }

    private io.restassured.response.ValidatableResponse post(Object body) {
        return Api.as(key).body(body).post(PREFIX + "/campaigns").then();
    }

    private void assertNoCampaigns() {
        Api.as(key).get(PREFIX + "/campaigns").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void createsADraftWithTheDocumentedDefaults() {
        post(Map.of("platform", "idealista")).statusCode(201)
                .body("id", notNullValue())
                .body("name", equalTo("Untitled Campaign"))
                .body("platform", equalTo("idealista"))
                .body("mode", equalTo("extract_and_contact"))
                .body("contactMode", equalTo("whatsapp"))
                .body("status", equalTo("draft"))
                .body("environment", equalTo("test"))
                .body("segmentation.expectedResults", equalTo(50))
                .body("startedAt", nullValue())
                .body("stats.leads", equalTo(0))
                .body("createdAt", notNullValue());
    }

    @Test
    void keepsTheSeedExampleAsGiven() {
        post(Map.of("platform", "idealista", "name", "  Valencia — Rent Q3 2026 ", "mode", "extract_and_contact",
                "contactMode", "whatsapp", "segmentation", Map.of("filters", Map.of("operation", "rent",
                        "location", Map.of("id", "0-EU-ES-VC-46", "label", "Valencia")), "expectedResults", 50)))
                .statusCode(201)
                .body("name", equalTo("Valencia — Rent Q3 2026"))
                .body("segmentation.filters.location.id", equalTo("0-EU-ES-VC-46"))
                .body("segmentation.filters.operation", equalTo("rent"));
    }

    @Test
    void platformIsRequiredAndMustBeKnown() {
        post(Map.of("name", "x")).statusCode(400)
                .body("statusCode", equalTo(400)).body("error", equalTo("Bad Request"))
                .body("message", equalTo("platform is required (one of idealista, fotocasa, metrocuadrado, inmuebles24, zonaprop, csv_import, widget)"));
        post(Map.of("platform", "rightmove")).statusCode(400)
                .body("message", equalTo("platform must be one of idealista, fotocasa, metrocuadrado, inmuebles24, zonaprop, csv_import, widget"));
        post(Map.of("platform", 7)).statusCode(400).body("message", equalTo("platform must be a string"));
        assertNoCampaigns();
    }

    @Test
    void nameIsOneTo255CharactersAfterTrimming() {
        post(Map.of("platform", "widget", "name", "   ")).statusCode(400)
                .body("message", equalTo("name must be between 1 and 255 characters after trimming"));
        post(Map.of("platform", "widget", "name", "x".repeat(256))).statusCode(400);
        post(Map.of("platform", "widget", "name", "x".repeat(255))).statusCode(201);
    }

    @Test
    void modeIsForcedForWidgetAndCsvButKeptForPortals() {
        post(Map.of("platform", "widget", "mode", "extract_only")).statusCode(201).body("mode", equalTo("extract_and_contact"));
        post(Map.of("platform", "csv_import", "mode", "extract_only")).statusCode(201).body("mode", equalTo("extract_and_contact"));
        post(Map.of("platform", "fotocasa", "mode", "extract_only")).statusCode(201).body("mode", equalTo("extract_only"));
        post(Map.of("platform", "fotocasa", "mode", "scrape")).statusCode(400)
                .body("message", equalTo("mode must be one of extract_only, extract_and_contact"));
        post(Map.of("platform", "fotocasa", "contactMode", "sms")).statusCode(400)
                .body("message", equalTo("contactMode must be one of whatsapp, whatsapp-no-api"));
    }

    @Test
    void segmentationFollowsThePlatform() {
        post(Map.of("platform", "csv_import", "segmentation", Map.of("batchSize", 26))).statusCode(400)
                .body("message", equalTo("segmentation.batchSize must be between 1 and 25"))
                .body("details[0].field", equalTo("segmentation.batchSize"));
        post(Map.of("platform", "csv_import", "segmentation", Map.of("batchSize", 0))).statusCode(400);
        post(Map.of("platform", "csv_import", "segmentation", Map.of("batchSize", 10))).statusCode(201)
                .body("segmentation.batchSize", equalTo(10));
        post(Map.of("platform", "csv_import", "segmentation", Map.of("expectedResults", 10))).statusCode(400)
                .body("message", equalTo("Unknown field 'segmentation.expectedResults'"));
        post(Map.of("platform", "widget", "segmentation", Map.of("batchSize", 5))).statusCode(400)
                .body("message", equalTo("segmentation must be empty for widget campaigns"));
        post(Map.of("platform", "widget", "segmentation", Map.of())).statusCode(201);
        post(Map.of("platform", "idealista", "segmentation", Map.of("expectedResults", 5001))).statusCode(400)
                .body("message", equalTo("segmentation.expectedResults must be between 1 and 5000"));
        post(Map.of("platform", "idealista", "segmentation", Map.of("filters", Map.of("operation", "lease"))))
                .statusCode(400).body("message", equalTo("segmentation.filters.operation must be one of sale, rent"));
        post(Map.of("platform", "idealista", "segmentation", Map.of("filters", Map.of("colour", "red"))))
                .statusCode(400).body("message", equalTo("Unknown field 'segmentation.filters.colour'"));
        post(Map.of("platform", "idealista", "segmentation", Map.of("filters", Map.of("minPrice", 900, "maxPrice", 500))))
                .statusCode(400).body("message", equalTo("segmentation.filters.minPrice must not be greater than segmentation.filters.maxPrice"));
        post(Map.of("platform", "idealista", "segmentation", Map.of("filters", Map.of("location", Map.of("label", "Valencia")))))
                .statusCode(400).body("message", equalTo("segmentation.filters.location.id is required"));
        post(Map.of("platform", "idealista", "segmentation", "everything")).statusCode(400)
                .body("message", equalTo("segmentation must be an object"));
    }

    @Test
    void filtersFollowThePortalsOwnSchema() {
        post(Map.of("platform", "zonaprop", "segmentation", Map.of("filters", Map.of("operation", "sale", "currency", "USD"))))
                .statusCode(201).body("segmentation.filters.currency", equalTo("USD"));
        post(Map.of("platform", "idealista", "segmentation", Map.of("filters", Map.of("operation", "sale", "currency", "USD"))))
                .statusCode(400).body("message", equalTo("Unknown field 'segmentation.filters.currency'"));
        post(Map.of("platform", "zonaprop", "segmentation", Map.of("filters", Map.of("currency", "EUR"))))
                .statusCode(400).body("details[0].field", equalTo("segmentation.filters.currency"));
    }

    @Test
    void settingsSyntaxIsChecked() {
        post(settings(Map.of("scheduledHours", "9,14:30", "scheduledDays", "1,2,3,4,5", "timezone", "America/Bogota",
                "dailyCap", 40))).statusCode(201)
                .body("settings.scheduledHours", equalTo("9,14:30"))
                .body("settings.timezone", equalTo("America/Bogota"));
        String hoursRule = "settings.scheduledHours must be comma-separated times H or H:MM between 0 and 23:59, e.g. \"9,14:30\"";
        post(settings(Map.of("scheduledHours", "24"))).statusCode(400).body("message", equalTo(hoursRule));
        post(settings(Map.of("scheduledHours", "9:75"))).statusCode(400).body("message", equalTo(hoursRule));
        post(settings(Map.of("scheduledHours", "9,,10"))).statusCode(400).body("message", equalTo(hoursRule));
        post(settings(Map.of("scheduledHours", "9,9:00"))).statusCode(400)
                .body("message", equalTo("settings.scheduledHours must not repeat a time (9:00)"));
        post(settings(Map.of("scheduledDays", "0,1"))).statusCode(400)
                .body("message", equalTo("settings.scheduledDays must be comma-separated ISO weekdays 1 (Monday) to 7 (Sunday), e.g. \"1,2,3,4,5\""));
        post(settings(Map.of("scheduledDays", "1,1"))).statusCode(400)
                .body("message", equalTo("settings.scheduledDays must not repeat a day (1)"));
        post(settings(Map.of("timezone", "Europe/Valencia"))).statusCode(400)
                .body("message", equalTo("settings.timezone must be an IANA time zone such as Europe/Madrid"));
        post(settings(Map.of("dailyCap", 0))).statusCode(400)
                .body("message", equalTo("settings.dailyCap must be between 1 and 100000"));
        post(settings(Map.of("accountId", "acc-1"))).statusCode(400)
                .body("message", equalTo("settings.accountId must be an account id (UUID)"));
        post(settings(Map.of("retries", 3))).statusCode(400).body("message", equalTo("Unknown field 'settings.retries'"));
    }

    @Test
    void sequenceStepsAreChecked() {
        post(settings(Map.of("sequence", List.of(Map.of("text", "Hola {{1}}"),
                Map.of("text", "¿Sigue disponible?", "delayHours", 48))))).statusCode(201)
                .body("settings.sequence", hasSize(2))
                .body("settings.sequence[1].delayHours", equalTo(48.0f));
        post(settings(Map.of("sequence", List.of(Map.of("delayHours", 0))))).statusCode(400)
                .body("message", equalTo("settings.sequence[0] must have exactly one of templateId or text"));
        post(settings(Map.of("sequence", List.of(Map.of("text", "a"), Map.of("text", "b"))))).statusCode(400)
                .body("message", equalTo("settings.sequence[1].delayHours is required after the first step"));
        post(settings(Map.of("sequence", List.of(Map.of("text", "a"), Map.of("text", "b", "delayHours", 0))))).statusCode(400)
                .body("message", equalTo("settings.sequence[1].delayHours must be greater than 0 and at most 720"));
        post(settings(Map.of("sequence", List.of(Map.of("templateId", "tpl-1"))))).statusCode(400)
                .body("message", equalTo("settings.sequence[0].templateId must be a template id (UUID)"));
    }

    @Test
    void everyBrokenRuleIsListedInDetails() {
        post(Map.of("platform", "csv_import", "name", "", "segmentation", Map.of("batchSize", 99),
                "settings", Map.of("scheduledDays", "8"))).statusCode(400)
                .body("details", hasSize(3))
                .body("details.field", hasItem("segmentation.batchSize"))
                .body("details.field", hasItem("settings.scheduledDays"))
                .body("details.field", hasItem("name"));
        assertNoCampaigns();
    }

    @Test
    void unknownFieldsMalformedJsonAndWrongContentTypeAre4xx() {
        post(Map.of("platform", "widget", "colour", "red")).statusCode(400)
                .body("message", equalTo("Unknown field 'colour'"));
        Api.as(key).body("{\"platform\": \"widget\",").post(PREFIX + "/campaigns").then().statusCode(400)
                .body("statusCode", equalTo(400)).body("message", equalTo("Request body is not valid JSON"));
        Api.as(key).body("[1,2]").post(PREFIX + "/campaigns").then().statusCode(400)
                .body("message", equalTo("Request body must be a JSON object"));
        Api.as(key).body("").post(PREFIX + "/campaigns").then().statusCode(400)
                .body("message", equalTo("Request body is required"));
        Api.as(key).contentType("text/plain").body("platform=widget").post(PREFIX + "/campaigns").then().statusCode(415)
                .body("statusCode", equalTo(415)).body("message", equalTo("Content-Type must be application/json"));
        assertNoCampaigns();
    }

    private static Map<String, Object> settings(Map<String, Object> settings) {
        return Map.of("platform", "csv_import", "settings", settings);
    }
}
