package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.PortalResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the idealista fixtures under {@code src/test/resources/fixtures/idealista/}. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name) {
        String resource = "/fixtures/idealista/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PortalResponse html(int status, String name, String url) {
        return new PortalResponse(status, "text/html; charset=utf-8", read(name), url);
    }

    static PortalResponse json(int status, String name, String url) {
        return new PortalResponse(status, "application/json; charset=utf-8", read(name), url);
    }
}
