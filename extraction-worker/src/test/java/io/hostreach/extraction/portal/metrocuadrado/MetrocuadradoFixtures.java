package io.hostreach.extraction.portal.metrocuadrado;

import io.hostreach.extraction.portal.PortalResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the recorded-shape metrocuadrado answers under src/test/resources/fixtures/metrocuadrado. */
final class MetrocuadradoFixtures {

    static final String API_KEY = "test-api-key-0000";
    static final String SEARCH_URL = "https://www.metrocuadrado.com/rest-search/search"
            + "?realEstateTypeList=apartamento&realEstateBusinessList=venta&city=bogota";

    private MetrocuadradoFixtures() {
    }

    static String read(String name) {
        String path = "/fixtures/metrocuadrado/" + name;
        try (InputStream in = MetrocuadradoFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A search answer as fetched for the page whose offset is {@code from}. */
    static PortalResponse searchPage(String name, int from) {
        return new PortalResponse(200, "application/json", read(name), SEARCH_URL + "&from=" + from + "&size=50");
    }

    static PortalResponse html(int status, String name, String url) {
        return new PortalResponse(status, "text/html; charset=utf-8", read(name), url);
    }
}
