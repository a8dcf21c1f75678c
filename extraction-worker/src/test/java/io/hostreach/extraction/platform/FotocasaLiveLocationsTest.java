package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live fotocasa lookup against a local stub of its gateway: never the internet. */
class FotocasaLiveLocationsTest {

    private static final String PATH = "/v2/propertysearch/urllocationsegments";
    private static final LocationSearch SEARCH = new LocationSearch();
    private static WireMockServer gateway;
    private static Vertx vertx;

    private LocationService service;

    @BeforeAll
    static void start() {
        gateway = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gateway.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        gateway.stop();
        vertx.closeAndAwait();
    }

    @BeforeEach
    void fresh() {
        gateway.resetAll();
        // Generous: the first call of a cold JVM to a cold stub is slow; the timeout itself has its own test.
        service = withTimeout(Duration.ofSeconds(5));
    }

    private static LocationService withTimeout(Duration timeout) {
        return new LocationService(SEARCH, new FotocasaLocationResolver(vertx, gateway.baseUrl(), timeout), 4);
    }

    private List<Location> search(Portal platform, String q, int limit) {
        return service.search(platform, q, limit, null).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aResolvedPlaceGetsFotocasasRealIdsAndKeepsItsRank() {
        gateway.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("location", equalTo("valencia-capital"))
                .withQueryParam("zone", equalTo("todas-las-zonas")).withHeader("Origin", equalTo("https://www.fotocasa.es"))
                .willReturn(okJson("{\"ids\": \"724,10,46,250,1090,46250,0,0,0\", \"locationLiteral\": \"Valencia Capital\"}")));
        gateway.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("location", equalTo("valencia-provincia"))
                .willReturn(okJson("{\"ids\": \"724,10,46,0,0,0,0,0,0\"}")));
        gateway.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("location", equalTo("madrid-provincia"))
                // Say fotocasa numbers the community otherwise than the gazetteer assumed (13, INE's).
                .willReturn(okJson("{\"ids\": \"724,14,28,0,0,0,0,0,0\"}")));
        gateway.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("location", equalTo("madrid-capital"))
                .willReturn(okJson("{\"ids\": \"724,14,28,364,1079,28079,0,0,0\"}")));

        List<Location> valencia = search(Portal.FOTOCASA, "valencia", 2);
        List<Location> madrid = search(Portal.FOTOCASA, "madrid", 2);

        assertEquals(List.of(new Location("724,10,46,0,0,0,0,0,0", "Valencia", "province", null),
                new Location("724,10,46,250,1090,46250,0,0,0", "Valencia, Valencia", "city", "724,10,46,0,0,0,0,0,0")), valencia);
        // The city's parent is the province as resolved in the same answer.
        assertEquals(List.of(new Location("724,14,28,0,0,0,0,0,0", "Madrid", "province", null),
                new Location("724,14,28,364,1079,28079,0,0,0", "Madrid, Madrid", "city", "724,14,28,0,0,0,0,0,0")), madrid);
        assertTrue(service.liveLocationSearch(Portal.FOTOCASA));
        assertFalse(service.liveLocationSearch(Portal.IDEALISTA));
    }

    @Test
    void anAnswerIsAskedForOnceAndThenRemembered() {
        gateway.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("location", equalTo("igualada"))
                .willReturn(okJson("{\"ids\": \"724,9,8,236,410,8102,0,0,0\"}")));

        assertEquals("724,9,8,236,410,8102,0,0,0", search(Portal.FOTOCASA, "igualada", 1).get(0).id());
        assertEquals("724,9,8,236,410,8102,0,0,0", search(Portal.FOTOCASA, "Igualada", 1).get(0).id());

        gateway.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anUnknownOrBrokenAnswerKeepsTheGazetteerId() {
        List<Location> offline = SEARCH.search(Portal.FOTOCASA, "sevilla", 2, null).stream()
                .map(LocationIndex.Entry::location).toList();
        gateway.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("location", equalTo("sevilla-provincia"))
                .willReturn(aResponse().withStatus(404)));
        gateway.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("location", equalTo("sevilla-capital"))
                .willReturn(okJson("{\"ids\": \"not ids\"}")));

        assertEquals(offline, search(Portal.FOTOCASA, "sevilla", 2));
    }

    @Test
    void aSlowGatewayDoesNotHoldTheSearch() {
        gateway.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"ids\": \"724,1,29,0,0,29067,0,0,0\"}")
                .withFixedDelay(1_500)));
        List<Location> offline = SEARCH.search(Portal.FOTOCASA, "malaga", 3, null).stream()
                .map(LocationIndex.Entry::location).toList();

        service = withTimeout(Duration.ofMillis(200));
        long started = System.nanoTime();
        assertEquals(offline, search(Portal.FOTOCASA, "malaga", 3));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1_200)) < 0);
    }

    @Test
    void otherPortalsNeverCallFotocasa() {
        search(Portal.IDEALISTA, "valencia", 5);
        gateway.verify(0, getRequestedFor(urlPathEqualTo(PATH)));
    }
}
