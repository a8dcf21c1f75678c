package io.hostreach.outreach.manual;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code https://wa.me/<digits>?text=<url-encoded>}: opens a chat with the text typed, for a human to send. */
public final class ClickToChat {

    private ClickToChat() {
    }

    /** @param e164 {@code +34612345678}; wa.me takes the digits only (no plus, spaces or leading zeros) */
    public static String link(String e164, String text) {
        String digits = e164.replaceAll("\\D", "");
        // URLEncoder writes form encoding (spaces as '+'); wa.me reads a URL query: spaces as %20.
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        return "https://wa.me/" + digits + "?text=" + encoded;
    }
}
