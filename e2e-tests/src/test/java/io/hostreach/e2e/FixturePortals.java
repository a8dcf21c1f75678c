package io.hostreach.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The five portals as extraction-worker's fixtures show them (its {@code src/test/resources/fixtures}, in each
 * portal's real structure), served by one local WireMock at the portals' real paths; the started
 * extraction-worker's {@code hostreach.portals.*.base-url} point here, so a live campaign really crawls them.
 * Each portal answers one search (the place and operation of {@link #SEARCHES}); details rotate as in the
 * worker's own tests, so each search has known private leads and known skips.
 */
final class FixturePortals {

    static final String METROCUADRADO_KEY = "e2e-metrocuadrado-key";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";

    private final WireMockServer server;
    private final Path fixtures;

    private FixturePortals(WireMockServer server, Path fixtures) {
        this.server = server;
        this.fixtures = fixtures;
    }

    static FixturePortals start(Path root) {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(10).stubRequestLoggingDisabled(true));
        server.start();
        FixturePortals portals = new FixturePortals(server, root.resolve("extraction-worker/src/test/resources/fixtures"));
        portals.idealista("valencia-valencia");
        portals.fotocasa("724,19,46,0,0,46250,0,0,0");
        portals.metrocuadrado("bogota");
        portals.navent("inmuebles24", "/departamentos-en-renta-en-benito-juarez-ordenado-por-fechaonline-descendente",
                "5215555550123", "521555555", "<br>No inmobiliarias, trato directo.");
        portals.navent("zonaprop", "/departamentos-venta-palermo-dueno-directo-orden-publicado-descendente",
                "5491155550123", "549115555", "<br><br>Abstenerse inmobiliarias. Trato directo con el propietario.");
        return portals;
    }

    /** extraction-worker's configuration: every portal here, politeness off (the stub answers at once). */
    Map<String, String> workerProperties() {
        String origin = "http://127.0.0.1:" + server.port();
        Map<String, String> p = new HashMap<>();
        for (String portal : new String[]{"idealista", "fotocasa", "metrocuadrado", "inmuebles24", "zonaprop"}) {
            p.put("hostreach.portals." + portal + ".base-url", origin);
            p.put("hostreach.portals." + portal + ".delay", "0s");
            p.put("hostreach.portals." + portal + ".jitter", "0s");
        }
        p.put("hostreach.portals.idealista.sites.it", origin);
        p.put("hostreach.portals.idealista.sites.pt", origin);
        p.put("hostreach.portals.metrocuadrado.api-key", METROCUADRADO_KEY);
        return p;
    }

    void stop() {
        server.stop();
    }

    // idealista: three result pages, newest first, and the contact AJAX of the cards without an agency logo.
    private void idealista(String slug) {
        String[] pages = {"search-valencia-venta-page1.html", "search-valencia-venta-page2.html",
                "search-valencia-venta-page3-last.html"};
        for (int i = 0; i < pages.length; i++) {
            String path = "/venta-viviendas/" + slug + "/" + (i == 0 ? "" : "pagina-" + (i + 1) + ".htm");
            server.stubFor(get(urlPathEqualTo(path)).withQueryParam("ordenado-por", equalTo("fecha-publicacion-desc"))
                    .willReturn(ok(HTML, read("idealista", pages[i]))));
        }
        String owner = read("idealista", "contact-104233871-private.json");
        idealistaContact("104187730", read("idealista", "contact-104187730-private-hidden-phone.json"));
        idealistaContact("104112987", owner.replace("611 22 33 44", "611 22 33 45").replace("Lucía", "Marta"));
        idealistaContact("104090555", owner.replace("611 22 33 44", "611 22 33 46").replace("Lucía", "Pedro"));
        idealistaContact("104233871", owner);
        idealistaContact("104150006", read("idealista", "contact-104150006-professional.json"));
    }

    private void idealistaContact(String adId, String json) {
        server.stubFor(get(urlPathEqualTo("/es/ajax/listingController/adContactInfoForDetail.ajax"))
                .withQueryParam("adId", equalTo(adId)).willReturn(ok(JSON, json)));
    }

    // fotocasa: the web gateway's search JSON, advertiser type and phone included.
    private void fotocasa(String combinedLocationIds) {
        String[] pages = {"search-valencia-comprar-page1.json", "search-valencia-comprar-page2.json",
                "search-valencia-comprar-page3-last.json"};
        for (int i = 0; i < pages.length; i++) {
            server.stubFor(get(urlPathEqualTo("/v2/propertysearch/search"))
                    .withQueryParam("combinedLocationIds", equalTo(combinedLocationIds))
                    .withQueryParam("pageNumber", equalTo(Integer.toString(i + 1)))
                    .willReturn(ok(JSON, read("fotocasa", pages[i]))));
        }
    }

    // metrocuadrado: rest-search JSON behind the site's X-Api-Key, and a detail page per listing.
    private void metrocuadrado(String city) {
        String[] pages = {"search-page-1.json", "search-page-2.json", "search-page-3-last.json"};
        String owner = read("metrocuadrado", "detail-private.html");
        String welcoming = owner.replace("Trato directo con el propietario, no inmobiliarias ni intermediarios.",
                "Trato directo con el propietario.");
        for (int i = 0; i < pages.length; i++) {
            String body = read("metrocuadrado", pages[i]);
            server.stubFor(get(urlPathEqualTo("/rest-search/search")).withQueryParam("city", equalTo(city))
                    .withQueryParam("from", equalTo(Integer.toString(i * 50)))
                    .withHeader("X-Api-Key", equalTo(METROCUADRADO_KEY))
                    .willReturn(ok(JSON, body)));
            for (String link : all(body, "\"link\":\"(/inmueble/[^\"]+)\"")) {
                String id = link.substring(link.lastIndexOf('/') + 1);
                String detail = switch (id) {
                    case "MC5090077" -> owner;
                    case "MC5102288" -> read("metrocuadrado", "detail-professional.html");
                    case "MC5071946" -> read("metrocuadrado", "detail-private-with-phone.html");
                    default -> welcoming.replace("MC5090077", id);
                };
                server.stubFor(get(urlPathEqualTo(link)).willReturn(ok(HTML, detail)));
            }
        }
    }

    /**
     * inmuebles24 and zonaprop: three result pages and a detail page per card, chosen by the card's position k:
     * k%5 = 0 professional, 1 private hiding the phone, 2 private refusing agencies, 3 and 4 private with a
     * WhatsApp number of its own.
     */
    private void navent(String portal, String base, String fixtureWhatsApp, String whatsAppPrefix, String refusal) {
        String[] pages = {"search-page-1.html", "search-page-2.html", "search-page-3-last.html"};
        String professional = read(portal, "detail-professional.html");
        String hidden = read(portal, "detail-hidden-phone.html");
        String owner = read(portal, "detail-private.html");
        String professionalId = all(professional, "'idAviso': '(\\d+)'").get(0);
        String hiddenId = all(hidden, "'idAviso': '(\\d+)'").get(0);
        String ownerId = all(owner, "'idAviso': '(\\d+)'").get(0);
        int k = 0;
        for (int i = 0; i < pages.length; i++) {
            String body = read(portal, pages[i]);
            String path = base + (i == 0 ? "" : "-pagina-" + (i + 1)) + ".html";
            server.stubFor(get(urlPathEqualTo(path)).willReturn(ok(HTML, body)));
            List<String> links = all(body, "data-qa=\"posting PROPERTY\"[^>]*data-to-posting=\"([^\"]+)\"");
            if (links.isEmpty()) {
                links = all(body, "data-to-posting=\"([^\"]+)\"");
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

    private String read(String portal, String name) {
        try {
            return Files.readString(fixtures.resolve(portal).resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static ResponseDefinitionBuilder ok(String contentType, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body);
    }
}
