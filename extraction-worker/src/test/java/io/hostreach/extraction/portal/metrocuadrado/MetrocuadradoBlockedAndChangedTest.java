package io.hostreach.extraction.portal.metrocuadrado;

import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetrocuadradoBlockedAndChangedTest {

    private static final String URL = MetrocuadradoFixtures.SEARCH_URL + "&from=0&size=50";

    private final MetrocuadradoAdapter adapter = new MetrocuadradoAdapter(MetrocuadradoFixtures.API_KEY);

    @Test
    void cloudFrontRequestBlockedIsABlock() {
        PortalBlockedException error = assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                new PortalResponse(403, "text/html", MetrocuadradoFixtures.read("blocked-403.html"), URL)));

        assertTrue(error.getMessage().contains("403"), error.getMessage());
    }

    @Test
    void throttlingIsABlock() {
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                new PortalResponse(429, "application/json", MetrocuadradoFixtures.read("throttled-429.json"), URL)));
    }

    @Test
    void aCaptchaPageServedWithStatus200IsABlock() {
        PortalBlockedException error = assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                new PortalResponse(200, "text/html", MetrocuadradoFixtures.read("captcha-challenge.html"), URL)));

        assertTrue(error.getMessage().contains("captcha"), error.getMessage());
    }

    @Test
    void aGatewayErrorIsNotMistakenForAnEmptyPage() {
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                new PortalResponse(502, "application/json", "{\"message\": \"Internal server error\"}", URL)));
    }

    @Test
    void jsonWithoutResultsIsALayoutChangeNamingWhatIsMissing() {
        PortalLayoutChangedException error = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseSearchPage(MetrocuadradoFixtures.searchPage("search-layout-changed.json", 0)));

        assertTrue(error.getMessage().contains("'results'"), error.getMessage());
        assertTrue(error.getMessage().contains("hits"), "lists the keys found: " + error.getMessage());
    }

    @Test
    void htmlWhereJsonWasExpectedIsALayoutChange() {
        assertThrows(PortalLayoutChangedException.class, () -> adapter.parseSearchPage(new PortalResponse(200,
                "text/html", "<!DOCTYPE html><html><body><div id=\"__next\"></div></body></html>", URL)));
    }

    @Test
    void aResultItemWithoutItsIdIsALayoutChange() {
        PortalLayoutChangedException error = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseSearchPage(new PortalResponse(200, "application/json",
                        "{\"totalHits\": 1, \"results\": [{\"id\": \"MC1\", \"title\": \"Casa en Venta\"}]}", URL)));

        assertTrue(error.getMessage().contains("midinmueble"), error.getMessage());
    }

    @Test
    void aBlockedDetailPageIsABlock() {
        assertThrows(PortalBlockedException.class, () -> adapter.parseContact(
                adapter.parseSearchPage(MetrocuadradoFixtures.searchPage("search-page-1.json", 0)).listings().get(3),
                new PortalResponse(200, "text/html", MetrocuadradoFixtures.read("captcha-challenge.html"),
                        "https://www.metrocuadrado.com/inmueble/x/MC5090077")));
    }
}
