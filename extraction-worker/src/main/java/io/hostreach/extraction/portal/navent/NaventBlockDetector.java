package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalResponse;
import org.jsoup.Jsoup;

import java.util.List;
import java.util.Locale;

/**
 * Recognises Cloudflare interstitials and captcha pages, which both Navent sites serve instead of content.
 * Two tiers: Cloudflare's own markers mean a block whatever the status; the word "captcha" alone only counts
 * when the page also lacks the content we came for, because real detail pages embed a captcha in the lead form.
 */
final class NaventBlockDetector {

    private static final List<String> CLOUDFLARE_MARKERS = List.of(
            "<title>just a moment",
            "<title>un momento",
            "attention required! | cloudflare",
            "cf-browser-verification",
            "/cdn-cgi/challenge-platform",
            "cf_chl_opt",
            "cf-turnstile",
            "cf-error-details");

    private static final List<String> SOFT_MARKERS = List.of(
            "captcha", "are you a robot", "eres un robot", "verifica que eres humano", "access denied",
            "acceso denegado");

    private NaventBlockDetector() {
    }

    /** Fails on a page that is certainly a block, whatever else it contains. */
    static void rejectObviousBlock(PortalResponse response, String portal) {
        String body = lower(response.body());
        for (String marker : CLOUDFLARE_MARKERS) {
            if (body.contains(marker)) {
                throw new PortalBlockedException(portal + " answered with a Cloudflare challenge (" + marker.trim()
                        + ", HTTP " + response.status() + ") for " + response.url());
            }
        }
        if (response.status() == 403 || response.status() == 429) {
            throw new PortalBlockedException(portal + " refused the request with HTTP " + response.status()
                    + " for " + response.url());
        }
    }

    /**
     * For a page missing its expected structure: true when it looks like a block rather than a redesign. Only the
     * visible text counts: a redesigned page still loads reCAPTCHA for its lead form, a captcha page says so.
     */
    static boolean looksBlocked(PortalResponse response) {
        if (response.status() >= 500) {
            return true;
        }
        String text = Jsoup.parse(response.body() == null ? "" : response.body()).text().toLowerCase(Locale.ROOT);
        return SOFT_MARKERS.stream().anyMatch(text::contains);
    }

    private static String lower(String body) {
        return body == null ? "" : body.toLowerCase(Locale.ROOT);
    }
}
