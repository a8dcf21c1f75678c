package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalResponse;

import java.util.List;
import java.util.Locale;

/**
 * Recognises idealista's anti-bot answers (DataDome): the captcha page or iframe served from
 * {@code geo.captcha-delivery.com}, the JSON {@code {"url": "https://geo.captcha-delivery.com/…"}} that
 * DataDome returns to XHR calls, the "Pardon Our Interruption" and "too many requests" pages, and any
 * 403/429. Normal pages also load DataDome's tag script, so "datadome" alone is not a block.
 */
final class IdealistaBlockDetector {

    private static final List<String> MARKERS = List.of(
            "captcha-delivery.com",
            "pardon our interruption",
            "parece que estamos recibiendo muchas peticiones tuyas",
            "sembra che stiamo ricevendo molte richieste",
            "parece que estamos a receber muitos pedidos");

    private IdealistaBlockDetector() {
    }

    static void check(PortalResponse response) {
        int status = response.status();
        String body = response.body() == null ? "" : response.body().toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (body.contains(marker)) {
                throw new PortalBlockedException("idealista answered an anti-bot page (HTTP " + status + ", '"
                        + marker + "') for " + response.url());
            }
        }
        if (status == 403 || status == 429) {
            throw new PortalBlockedException("idealista refused the request with HTTP " + status + " for "
                    + response.url());
        }
    }
}
