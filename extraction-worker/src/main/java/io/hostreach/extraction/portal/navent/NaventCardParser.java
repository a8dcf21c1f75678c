package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import org.jsoup.nodes.Element;

import java.util.List;

/**
 * One result card ({@code div[data-qa="posting PROPERTY"]}) into a listing. Cards carry neither the phone nor a
 * reliable advertiser type, so those stay empty (UNKNOWN) until the detail page is read.
 */
final class NaventCardParser {

    static final String CARD_SELECTOR = "[data-qa=\"posting PROPERTY\"]";

    private final NaventSite site;

    NaventCardParser(NaventSite site) {
        this.site = site;
    }

    Listing parse(Element card, String operation) {
        String id = requiredAttribute(card, "data-id");
        String detailPath = requiredAttribute(card, "data-to-posting");

        NaventPrice price = NaventPrice.parse(text(card, "[data-qa=\"POSTING_CARD_PRICE\"]"), site.localCurrency());
        NaventCardFeatures features = NaventCardFeatures.parse(
                card.select("[data-qa=\"POSTING_CARD_FEATURES\"] span").eachText());
        String location = text(card, "[data-qa=\"POSTING_CARD_LOCATION\"]");

        return new Listing(
                site.portal(),
                id,
                absolute(detailPath),
                null, // cards show no title of their own; the detail page's postingTitle fills it
                text(card, "[data-qa=\"POSTING_CARD_DESCRIPTION\"]"),
                operation,
                null,
                price == null ? null : price.amount(),
                price == null ? null : price.currency(),
                features.size(),
                features.bedrooms(),
                features.bathrooms(),
                text(card, "[class*=location-address]"),
                lastPart(location),
                null,
                null,
                null,
                null,
                AdvertiserType.UNKNOWN,
                null,
                null,
                null,
                null);
    }

    private String absolute(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return site.publicOrigin() + (path.startsWith("/") ? path : "/" + path);
    }

    private static String requiredAttribute(Element card, String name) {
        String value = card.attr(name).trim();
        if (value.isEmpty()) {
            throw new PortalLayoutChangedException("result card " + CARD_SELECTOR + " has no " + name
                    + " attribute any more");
        }
        return value;
    }

    private static String text(Element card, String selector) {
        Element element = card.selectFirst(selector);
        if (element == null) {
            return null;
        }
        String text = element.text().trim();
        return text.isEmpty() ? null : text;
    }

    /** "Palermo Hollywood, Palermo, Capital Federal" → the widest area named, the city. */
    private static String lastPart(String location) {
        if (location == null) {
            return null;
        }
        List<String> parts = List.of(location.split(","));
        String last = parts.get(parts.size() - 1).trim();
        return last.isEmpty() ? null : last;
    }
}
