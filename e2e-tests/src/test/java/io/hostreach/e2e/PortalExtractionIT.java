package io.hostreach.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each portal end to end, in live mode: a portal campaign of a live key goes running, campaign-service queues
 * the run and publishes it, extraction-worker crawls the portal (its fixtures on a local server, at the real
 * paths, see {@link FixturePortals}), and the lead and extraction events come back to campaign-service, whose
 * public API shows the job's counts and the private leads with E.164 phones; professionals and listings that
 * refuse agencies were skipped.
 */
class PortalExtractionIT {

    private static Stack stack;

    @BeforeAll
    static void stack() {
        stack = Stack.get();
    }

    /**
     * One search per portal, with what the fixtures hold (the worker's PortalExtractionTest counts the same):
     * listings found, leads created, professionals skipped, result pages, and the leads' phones or prefix.
     */
    static Stream<Arguments> portals() {
        return Stream.of(
                Arguments.of("idealista", "sale", "0-EU-ES-46-07-001-250", "Valencia, Valencia", Map.of(),
                        9, 2, 4, 3, "+34", Set.of("+34611223345", "+34611223346")),
                Arguments.of("fotocasa", "sale", "724,19,46,0,0,46250,0,0,0", "Valencia capital", Map.of(),
                        9, 1, 5, 3, "+34", Set.of("+34622334455")),
                Arguments.of("metrocuadrado", "sale", "bogota", "Bogotá", Map.of(),
                        104, 2, 101, 3, "+57", Set.of("+573205550164", "+573105550142")),
                Arguments.of("inmuebles24", "rent", "benito-juarez", "Benito Juárez", Map.of("propertyType", "flats"),
                        45, 18, 9, 3, "+52", Set.of()),
                Arguments.of("zonaprop", "sale", "palermo", "Palermo", Map.of("propertyType", "flats"),
                        46, 18, 10, 3, "+54", Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("portals")
    void aLiveCampaignBringsThePortalsPrivateLeadsThroughThePublicApi(String platform, String operation, String locationId,
                                                                     String label, Map<String, Object> extraFilters,
                                                                     int found, int created, int professionals, int pages,
                                                                     String countryCode, Set<String> phones) {
        String key = PublicApi.newKey(stack, PublicApi.newWorkspace(stack), "live");
        Map<String, Object> filters = new HashMap<>(extraFilters);
        filters.put("operation", operation);
        filters.put("location", Map.of("id", locationId, "label", label));
        String campaign = PublicApi.as(stack, key).body(Map.of("platform", platform, "mode", "extract_only",
                        "name", "e2e " + platform, "segmentation", Map.of("expectedResults", 50, "filters", filters)))
                .post("/campaigns").then().statusCode(201).body("environment", equalTo("live")).extract().path("id");
        PublicApi.as(stack, key).body(Map.of("status", "running")).patch("/campaigns/" + campaign + "/status")
                .then().statusCode(200);
        String extraction = PublicApi.as(stack, key).get("/extractions").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("data[0].id");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                PublicApi.as(stack, key).get("/extractions/" + extraction).then()
                        .body("status", equalTo("COMPLETED")).body("created", equalTo(created)));
        PublicApi.as(stack, key).get("/extractions/" + extraction).then()
                .body("campaignId", equalTo(campaign)).body("platform", equalTo(platform))
                .body("found", equalTo(found)).body("duplicates", equalTo(0))
                .body("skippedProfessional", equalTo(professionals)).body("pages", equalTo(pages))
                .body("error", equalTo(null));

        // The lead events may trail the job's completion by a moment: wait for all of them.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                PublicApi.as(stack, key).queryParam("limit", 100).get("/extractions/" + extraction + "/leads").then()
                        .statusCode(200).body("total", equalTo(created)));
        JsonPath leads = PublicApi.as(stack, key).queryParam("limit", 100).get("/extractions/" + extraction + "/leads")
                .then().statusCode(200).extract().jsonPath();
        List<String> leadPhones = leads.getList("data.phone");
        assertEquals(created, Set.copyOf(leadPhones).size(), "one lead per phone: " + leadPhones);
        for (String phone : leadPhones) {
            assertTrue(phone.matches("\\+\\d{8,15}") && phone.startsWith(countryCode), phone);
        }
        if (!phones.isEmpty()) {
            assertEquals(phones, Set.copyOf(leadPhones));
        }
        assertEquals(Set.of("private"), Set.copyOf(leads.getList("data.advertiserType")), "professionals were skipped");
        assertEquals(Set.of(platform), Set.copyOf(leads.getList("data.listing.portal")));
        assertEquals(Set.of(campaign), Set.copyOf(leads.getList("data.campaignId")));
        for (String title : leads.<String>getList("data.listing.title")) {
            String folded = title == null ? "" : title.toLowerCase(java.util.Locale.ROOT);
            assertTrue(!folded.contains("abstenerse") && !folded.contains("no inmobiliarias"), title);
        }
        // The same leads through the campaign filter of GET /leads.
        PublicApi.as(stack, key).queryParam("campaignId", campaign).queryParam("limit", 100).get("/leads").then()
                .statusCode(200).body("total", equalTo(created));
    }
}
