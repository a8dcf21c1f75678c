package io.hostreach.extraction.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.util.List;
import java.util.Locale;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The portals as the fixtures show them, served at their real paths. Each method stubs one search (a place
 * and operation of its own) so tests sharing the server never meet each other's pages.
 */
public final class PortalStubs {

    public static final String IDEALISTA_NEWEST = "fecha-publicacion-desc";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";

    private final WireMockServer server;

    public PortalStubs(WireMockServer server) {
        this.server = server;
    }

    // --- idealista: /venta-viviendas/<slug>/[pagina-N.htm]?ordenado-por=fecha-publicacion-desc + contact AJAX ---

    /**
     * The Valencia sale fixtures (3 pages) under this slug, and contact answers for the cards without a logo:
     * 104187730 hides its phone; 104112987 and 104090555 are private owners with a phone.
     */
    public void idealistaValencia(String slug) {
        idealistaPage(slug, 1, ok(HTML, Fixtures.read("idealista", "search-valencia-venta-page1.html")));
        idealistaPage(slug, 2, ok(HTML, Fixtures.read("idealista", "search-valencia-venta-page2.html")));
        idealistaPage(slug, 3, ok(HTML, Fixtures.read("idealista", "search-valencia-venta-page3-last.html")));
        String privateOwner = Fixtures.read("idealista", "contact-104233871-private.json");
        idealistaContact("104187730", Fixtures.read("idealista", "contact-104187730-private-hidden-phone.json"));
        idealistaContact("104112987", privateOwner.replace("611 22 33 44", "611 22 33 45").replace("Lucía", "Marta"));
        idealistaContact("104090555", privateOwner.replace("611 22 33 44", "611 22 33 46").replace("Lucía", "Pedro"));
        idealistaContact("104233871", privateOwner);
        idealistaContact("104150006", Fixtures.read("idealista", "contact-104150006-professional.json"));
    }

    public void idealistaPage(String slug, int page, ResponseDefinitionBuilder response) {
        String path = "/venta-viviendas/" + slug + "/" + (page == 1 ? "" : "pagina-" + page + ".htm");
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("ordenado-por", equalTo(IDEALISTA_NEWEST))
                .willReturn(response));
    }

    public void idealistaContact(String adId, String json) {
        server.stubFor(get(urlPathEqualTo("/es/ajax/listingController/adContactInfoForDetail.ajax"))
                .withQueryParam("adId", equalTo(adId)).willReturn(ok(JSON, json)));
    }

    // --- fotocasa: /v2/propertysearch/search?combinedLocationIds=<ids>&pageNumber=N&... ---

    /** The Valencia sale fixtures (3 pages) for this location id. */
    public void fotocasaValencia(String combinedLocationIds) {
        fotocasaPage(combinedLocationIds, 1, ok(JSON, Fixtures.read("fotocasa", "search-valencia-comprar-page1.json")));
        fotocasaPage(combinedLocationIds, 2, ok(JSON, Fixtures.read("fotocasa", "search-valencia-comprar-page2.json")));
        fotocasaPage(combinedLocationIds, 3, ok(JSON, Fixtures.read("fotocasa", "search-valencia-comprar-page3-last.json")));
    }

    public void fotocasaPage(String combinedLocationIds, int page, ResponseDefinitionBuilder response) {
        server.stubFor(fotocasaSearch(combinedLocationIds, page).willReturn(response));
    }

    public MappingBuilder fotocasaSearch(String combinedLocationIds, int page) {
        return get(urlPathEqualTo("/v2/propertysearch/search"))
                .withQueryParam("combinedLocationIds", equalTo(combinedLocationIds))
                .withQueryParam("pageNumber", equalTo(Integer.toString(page)));
    }

    /** A first answer of HTTP 429, then the single-page rent fixture: a retry must get through. */
    public void fotocasaThrottledOnce(String combinedLocationIds) {
        String scenario = "throttled-" + combinedLocationIds;
        server.stubFor(fotocasaSearch(combinedLocationIds, 1).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0").withBody("Too Many Requests"))
                .willSetStateTo("served"));
        server.stubFor(fotocasaSearch(combinedLocationIds, 1).inScenario(scenario).whenScenarioStateIs("served")
                .willReturn(ok(JSON, Fixtures.read("fotocasa", "search-valencia-alquiler-single-page.json"))));
    }

    // --- metrocuadrado: /rest-search/search?city=<slug>&from=N*50&size=50 (X-Api-Key) + detail pages ---

    /**
     * The Bogotá sale fixtures (3 pages) for this city slug, and a detail page for every listing: the owner of
     * MC5090077 refuses agencies (the fixture as it is); MC5102288's publisher is an agency, MC5071946's a
     * private person; every other detail names an owner who does not refuse agencies. Only the four listings the
     * search leaves without a publisher type (MC5090077 and MC5083310 also without a phone) get their detail asked.
     */
    public void metrocuadradoBogota(String city) {
        String[] pages = {"search-page-1.json", "search-page-2.json", "search-page-3-last.json"};
        String owner = Fixtures.read("metrocuadrado", "detail-private.html");
        String welcoming = owner.replace("Trato directo con el propietario, no inmobiliarias ni intermediarios.",
                "Trato directo con el propietario.");
        for (int i = 0; i < pages.length; i++) {
            String body = Fixtures.read("metrocuadrado", pages[i]);
            server.stubFor(get(urlPathEqualTo("/rest-search/search")).withQueryParam("city", equalTo(city))
                    .withQueryParam("from", equalTo(Integer.toString(i * 50)))
                    .withHeader("X-Api-Key", equalTo("test-metrocuadrado-key"))
                    .willReturn(ok(JSON, body)));
            for (String link : Fixtures.all(body, "\"link\":\"(/inmueble/[^\"]+)\"")) {
                String id = link.substring(link.lastIndexOf('/') + 1);
                String detail = switch (id) {
                    case "MC5090077" -> owner;
                    case "MC5102288" -> Fixtures.read("metrocuadrado", "detail-professional.html");
                    case "MC5071946" -> Fixtures.read("metrocuadrado", "detail-private-with-phone.html");
                    default -> welcoming.replace("MC5090077", id);
                };
                server.stubFor(get(urlPathEqualTo(link)).willReturn(ok(HTML, detail)));
            }
        }
    }

    // --- inmuebles24 and zonaprop (Navent): one .html path per results page, a detail page per card ---

    /** The Benito Juárez flats-for-rent fixtures under this location slug (see {@link #navent} for the details). */
    public void inmuebles24(String slug) {
        String base = "/departamentos-en-renta-en-" + slug + "-ordenado-por-fechaonline-descendente";
        navent("inmuebles24", base, "5215555550123", "521555555", "<br>No inmobiliarias, trato directo.");
    }

    /** The Palermo flats-for-sale, owner-direct fixtures under this location slug. */
    public void zonaprop(String slug) {
        String base = "/departamentos-venta-" + slug + "-dueno-directo-orden-publicado-descendente";
        navent("zonaprop", base, "5491155550123", "549115555",
                "<br><br>Abstenerse inmobiliarias. Trato directo con el propietario.");
    }

    /**
     * Three result pages, and a detail page for every card, chosen by the card's position k across pages:
     * k%5 = 0 professional, 1 private with the phone hidden, 2 private refusing agencies (the fixture as it is),
     * 3 and 4 private with a WhatsApp number of its own and no refusal.
     */
    private void navent(String portal, String base, String fixtureWhatsApp, String whatsAppPrefix, String refusal) {
        String[] pages = {"search-page-1.html", "search-page-2.html", "search-page-3-last.html"};
        String professional = Fixtures.read(portal, "detail-professional.html");
        String hidden = Fixtures.read(portal, "detail-hidden-phone.html");
        String owner = Fixtures.read(portal, "detail-private.html");
        String professionalId = Fixtures.all(professional, "'idAviso': '(\\d+)'").get(0);
        String hiddenId = Fixtures.all(hidden, "'idAviso': '(\\d+)'").get(0);
        String ownerId = Fixtures.all(owner, "'idAviso': '(\\d+)'").get(0);
        int k = 0;
        for (int i = 0; i < pages.length; i++) {
            String body = Fixtures.read(portal, pages[i]);
            String path = base + (i == 0 ? "" : "-pagina-" + (i + 1)) + ".html";
            server.stubFor(get(urlPathEqualTo(path)).willReturn(ok(HTML, body)));
            List<String> links = Fixtures.all(body, "data-qa=\"posting PROPERTY\"[^>]*data-to-posting=\"([^\"]+)\"");
            if (links.isEmpty()) {
                links = Fixtures.all(body, "data-to-posting=\"([^\"]+)\"");
            }
            for (String link : links) {
                String id = link.replaceAll(".*-(\\d+)\\.html$", "$1");
                String detail = switch (k % 5) {
                    case 0 -> professional.replace(professionalId, id);
                    case 1 -> hidden.replace(hiddenId, id);
                    case 2 -> owner.replace(ownerId, id);
                    default -> owner.replace(ownerId, id).replace(refusal, "")
                            .replace(fixtureWhatsApp, whatsAppPrefix + String.format(Locale.ROOT, "%04d", k));
                };
                server.stubFor(get(urlPathEqualTo(link)).willReturn(ok(HTML, detail)));
                k++;
            }
        }
    }

    public static ResponseDefinitionBuilder ok(String contentType, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body);
    }

    public static ResponseDefinitionBuilder html(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", HTML).withBody(body);
    }

    public static ResponseDefinitionBuilder json(String body) {
        return ok(JSON, body);
    }
}
