package io.hostreach.extraction.portal.fotocasa;

import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalResponse;

import java.util.List;
import java.util.Locale;

/**
 * Recognises fotocasa's WAF answers: Imperva/Incapsula ("Request unsuccessful. Incapsula incident ID",
 * {@code _Incapsula_Resource}), PerimeterX ({@code px-captcha}), the geo-block of non-Spanish IPs, and
 * any 403/429. Markers are looked for in non-JSON bodies only: a JSON page whose descriptions happened
 * to contain such words must not look like a block.
 */
final class FotocasaBlockDetector {

    private static final List<String> MARKERS = List.of(
            "incapsula incident id",
            "_incapsula_resource",
            "px-captcha",
            "access to this page has been denied");

    private FotocasaBlockDetector() {
    }

    static void check(PortalResponse response) {
        String body = response.body() == null ? "" : response.body().stripLeading();
        boolean json = body.startsWith("{") || body.startsWith("[");
        if (!json) {
            String lower = body.toLowerCase(Locale.ROOT);
            for (String marker : MARKERS) {
                if (lower.contains(marker)) {
                    throw new PortalBlockedException("fotocasa answered a WAF block page (HTTP " + response.status()
                            + ", '" + marker + "') for " + response.url());
                }
            }
        }
        if (response.status() == 403 || response.status() == 429) {
            throw new PortalBlockedException("fotocasa refused the request with HTTP " + response.status()
                    + " (WAF block or non-Spanish IP) for " + response.url());
        }
    }
}
