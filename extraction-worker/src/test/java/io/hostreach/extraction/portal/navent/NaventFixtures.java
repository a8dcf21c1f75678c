package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.PortalResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the Navent pages under src/test/resources/fixtures/{zonaprop,inmuebles24}. */
final class NaventFixtures {

    private NaventFixtures() {
    }

    static String read(String portal, String name) {
        String path = "/fixtures/" + portal + "/" + name;
        try (InputStream in = NaventFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PortalResponse page(String portal, String name, int status, String url) {
        return new PortalResponse(status, "text/html; charset=utf-8", read(portal, name), url);
    }
}
