package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;

import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The internal platform endpoints campaign-service calls, end to end through HTTP. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class PlatformResourceTest {

    private static final String BASE = "/internal/v1/platforms";

    @Test
    void listsTheFivePortalsWithoutLiveLookupsByDefault() {
        given().get(BASE).then()
                .statusCode(200)
                .body("data.platform", contains("idealista", "fotocasa", "metrocuadrado", "inmuebles24", "zonaprop"))
                .body("data[0].name", is("idealista"))
                .body("data[0].countries", contains("ES", "IT", "PT"))
                .body("data[0].currency", is("EUR"))
                .body("data[2].currency", is("COP"))
                .body("data[3].currency", is("MXN"))
                .body("data[4].currency", is("ARS"))
                .body("data[4].currencies", contains("ARS", "USD"))
                .body("data.liveLocationSearch", everyItem(is(false)));
    }

    @Test
    void servesEachPortalsFilterSchema() {
        for (Portal platform : Portal.values()) {
            given().get(BASE + "/" + platform.id() + "/filters").then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("$schema", is("https://json-schema.org/draft/2020-12/schema"))
                    .body("required", contains("operation", "location"))
                    .body("additionalProperties", is(false))
                    .body("properties.privateOnly.default", is(true));
        }
        given().get(BASE + "/idealista/filters").then().body("properties.locationSlug.type", hasItem("string"));
        given().get(BASE + "/zonaprop/filters").then().body("properties.currency.enum", contains("USD", "ARS", null));
    }

    @Test
    void anUnknownPlatformIsANotFoundInTheProjectsErrorFormat() {
        for (String path : new String[]{"/rightmove/filters", "/rightmove/locations?q=London"}) {
            given().get(BASE + path).then()
                    .statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("statusCode", is(404))
                    .body("error", is("Not Found"))
                    .body("message", is("Unknown platform 'rightmove'"));
        }
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/rightmove/filters/validate").then()
                .statusCode(404).body("message", is("Unknown platform 'rightmove'"));
    }

    @Test
    void validatesFiltersAndListsEveryViolation() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"operation": "sale", "location": {"id": "0-EU-ES-46", "label": "Valencia", "type": "province", "parent": null},
                         "propertyType": "flats", "maxPrice": 250000, "privateOnly": true}""")
                .post(BASE + "/idealista/filters/validate").then()
                .statusCode(200)
                .body("valid", is(true))
                .body("errors", empty());

        given().contentType(ContentType.JSON)
                .body("{\"operation\": \"buy\", \"location\": {\"id\": \"palermo\", \"label\": \"Palermo\"}, \"colour\": \"red\"}")
                .post(BASE + "/zonaprop/filters/validate").then()
                .statusCode(200)
                .body("valid", is(false))
                .body("errors", hasSize(2))
                .body("errors.field", contains("segmentation.filters.colour", "segmentation.filters.operation"))
                .body("errors.message", contains("Unknown field 'segmentation.filters.colour'",
                        "segmentation.filters.operation must be one of sale, rent"));
    }

    @Test
    void aBodyThatIsNotAFiltersObjectIsInvalidAndMalformedJsonIsABadRequest() {
        given().contentType(ContentType.JSON).body("[]").post(BASE + "/fotocasa/filters/validate").then()
                .statusCode(200)
                .body("valid", is(false))
                .body("errors[0].message", is("segmentation.filters must be an object"));
        given().contentType(ContentType.JSON).body("{\"operation\": ").post(BASE + "/fotocasa/filters/validate").then()
                .statusCode(400)
                .body("statusCode", is(400))
                .body("error", is("Bad Request"));
    }

    @Test
    void searchesLocationsWithThePortalsOwnIds() {
        given().queryParam("q", "Valencia").get(BASE + "/idealista/locations").then()
                .statusCode(200)
                .body("data[0].id", is("0-EU-ES-46"))
                .body("data[0].label", is("Valencia"))
                .body("data[0].type", is("province"))
                .body("data[0].parent", nullValue())
                .body("data[1].id", is("0-EU-ES-46-07-001-250"))
                .body("data[1].label", is("Valencia, Valencia"))
                .body("data[1].parent", is("0-EU-ES-46"));
        given().queryParam("q", "malaga").queryParam("limit", 2).get(BASE + "/fotocasa/locations").then()
                .statusCode(200)
                .body("data", hasSize(2))
                .body("data.label", contains("Málaga", "Málaga, Málaga"))
                .body("data[1].id", is("724,1,29,0,0,29067,0,0,0"));
        given().queryParam("q", "san").queryParam("limit", 50).get(BASE + "/fotocasa/locations").then()
                .statusCode(200)
                .body("data.label", hasItem("San Sebastián/Donostia, Gipuzkoa"))
                .body("data.label", hasItem("Santander, Cantabria"));
        given().queryParam("q", "medellin").get(BASE + "/metrocuadrado/locations").then()
                .body("data[0].id", is("medellin"));
        given().queryParam("q", "lagoa").queryParam("country", "pt").get(BASE + "/idealista/locations").then()
                .statusCode(200)
                .body("data.id", everyItem(startsWith("0-EU-PT-")));
        given().queryParam("q", "xyzzy").get(BASE + "/inmuebles24/locations").then()
                .statusCode(200)
                .body("data", empty());
    }

    @Test
    void aBadQueryOrLimitIsABadRequest() {
        assertBadRequest(BASE + "/idealista/locations", "q is required (2 to 100 characters)");
        assertBadRequest(BASE + "/idealista/locations?q=a", "q must be between 2 and 100 characters long");
        assertBadRequest(BASE + "/idealista/locations?q=" + "a".repeat(101), "q must be between 2 and 100 characters long");
        assertBadRequest(BASE + "/idealista/locations?q=valencia&limit=0", "limit must be a whole number between 1 and 50");
        assertBadRequest(BASE + "/idealista/locations?q=valencia&limit=51", "limit must be a whole number between 1 and 50");
        assertBadRequest(BASE + "/idealista/locations?q=valencia&limit=ten", "limit must be a whole number between 1 and 50");
        assertBadRequest(BASE + "/fotocasa/locations?q=valencia&country=IT", "country must be one of ES for fotocasa");
    }

    private static void assertBadRequest(String path, String message) {
        given().get(path).then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("statusCode", is(400))
                .body("error", is("Bad Request"))
                .body("message", is(message));
    }

    @Test
    void theEndpointsAreDocumentedInOpenApi() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body(containsString("/internal/v1/platforms/{platform}/locations"));
    }
}
