package io.hostreach.extraction.portal.metrocuadrado;

import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalResponse;
import org.jsoup.Jsoup;

import java.util.List;
import java.util.Locale;

/**
 * Tells a refusal from content. The search API sits behind an API gateway keyed by {@code X-Api-Key}: a
 * rotated key or a WAF rule answers 403 ({"message":"Forbidden"} or CloudFront's "Request blocked" page),
 * throttling answers 429. No captcha has been seen on metrocuadrado, but one would be a block too. Marker words
 * are only consulted once the expected content is missing, since real pages can mention "captcha" (forms).
 */
final class MetrocuadradoResponseGuard {

    private static final List<String> BLOCK_MARKERS = List.of(
            "captcha", "request blocked", "the request could not be satisfied", "access denied",
            "attention required", "just a moment", "too many requests");

    private MetrocuadradoResponseGuard() {
    }

    /** Statuses that are refusals whatever the body says. */
    static void rejectRefusal(PortalResponse response) {
        int status = response.status();
        if (status == 403) {
            throw new PortalBlockedException("metrocuadrado refused the request (HTTP 403) for " + response.url()
                    + "; the X-Api-Key may have been rotated in the site's config, or the IP is blocked");
        }
        if (status == 429) {
            throw new PortalBlockedException("metrocuadrado is throttling (HTTP 429) for " + response.url());
        }
        if (status >= 500) {
            throw new PortalBlockedException("metrocuadrado failed with HTTP " + status + " for " + response.url());
        }
    }

    /**
     * The marker in the visible text of a page that lacks the expected content, or null. Scripts do not count:
     * a redesigned page still loads reCAPTCHA for its contact form.
     */
    static String blockMarker(String body) {
        String text = Jsoup.parse(body == null ? "" : body).text().toLowerCase(Locale.ROOT);
        return BLOCK_MARKERS.stream().filter(text::contains).findFirst().orElse(null);
    }

    static boolean looksLikeHtml(String body) {
        return body != null && body.stripLeading().startsWith("<");
    }
}
