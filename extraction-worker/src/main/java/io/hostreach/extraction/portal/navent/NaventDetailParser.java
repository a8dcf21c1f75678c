package io.hostreach.extraction.portal.navent;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Completes a card listing from its detail page's avisoInfo: the WhatsApp number (the only full number
 * Navent shows; {@code partialPhone} is masked and useless), the publisher and its type, the full description
 * (the card's is cut, and "no inmobiliarias" is often at the end), and the facts cards do not show.
 * Detail values win over card values; a field the detail lacks keeps the card's value.
 */
final class NaventDetailParser {

    private final NaventSite site;

    NaventDetailParser(NaventSite site) {
        this.site = site;
    }

    Listing complete(Listing listing, PortalResponse response) {
        if (response.status() == 404 || response.status() == 410) {
            return listing; // the ad was withdrawn between the search and now: nothing to add
        }
        NaventBlockDetector.rejectObviousBlock(response, site.portal());
        Document page = Jsoup.parse(response.body() == null ? "" : response.body());
        AvisoInfoScript script;
        try {
            script = AvisoInfoScript.from(page, site.portal());
        } catch (PortalLayoutChangedException e) {
            if (NaventBlockDetector.looksBlocked(response)) {
                throw new PortalBlockedException(site.portal() + " detail page for " + listing.listingId()
                        + " has no avisoInfo and looks like a captcha page (HTTP " + response.status() + ")");
            }
            throw e;
        }
        JsonNode aviso = script.avisoInfo();

        String detailId = text(aviso.path("idAviso"));
        if (detailId != null && !detailId.equals(listing.listingId())) {
            return listing; // redirected to another ad: its phone must not be attributed to this listing
        }

        JsonNode firstPrice = aviso.path("pricesData").path(0);
        JsonNode amount = firstPrice.path("prices").path(0);
        BigDecimal price = decimal(amount.path("amount"));
        String currency = text(amount.path("isoCode"));
        if (currency == null) {
            currency = text(amount.path("currency"));
        }
        if (price == null) {
            NaventPrice printed = NaventPrice.parse(text(aviso.path("price")), site.localCurrency());
            if (printed != null) {
                price = printed.amount();
                currency = printed.currency();
            }
        }
        JsonNode features = aviso.path("mainFeatures");
        Integer size = firstInteger(feature(features, "CFT101"), feature(features, "CFT100"));
        NaventLocation location = NaventLocation.of(aviso.path("location"));

        String rawWhatsApp = text(aviso.path("whatsApp"));
        Optional<String> phone = NaventPhone.whatsAppToE164(rawWhatsApp, site.region());
        Element microsite = page.selectFirst("[data-qa=\"linkMicrositioAnunciante\"]");
        AdvertiserType type = NaventPublisherClassifier.classify(aviso, microsite == null ? null : microsite.attr("href"));

        return new Listing(
                listing.portal(),
                listing.listingId(),
                listing.url(),
                firstText(text(aviso.path("postingTitle")), text(aviso.path("generatedTitle")), listing.title()),
                firstText(plainText(text(aviso.path("description"))), listing.description()),
                firstText(NaventVocabulary.operation(text(firstPrice.path("operationType").path("name"))),
                        listing.operation()),
                firstText(NaventVocabulary.propertyType(text(aviso.path("realEstateType").path("name"))),
                        listing.propertyType()),
                price != null ? price : listing.price(),
                price != null ? currency : listing.currency(),
                size != null ? size : listing.size(),
                firstInteger(feature(features, "CFT2"), listing.rooms()),
                firstInteger(feature(features, "CFT3"), listing.bathrooms()),
                firstText(text(aviso.path("address").path("name")), listing.address()),
                firstText(location.city(), listing.city()),
                firstText(location.province(), listing.province()),
                script.latitude() != null ? script.latitude() : listing.latitude(),
                script.longitude() != null ? script.longitude() : listing.longitude(),
                publishedAt(text(aviso.path("publicationDateFormatted")), listing.publishedAt()),
                type,
                firstText(text(aviso.path("publisher").path("name")), listing.advertiserName()),
                rawWhatsApp,
                phone.orElse(null),
                phone.isPresent());
    }

    /** mainFeatures is keyed by feature code: {"CFT2": {"label": "Dormitorios", "value": "2", ...}}. */
    private static Integer feature(JsonNode features, String code) {
        String value = text(features.path(code).path("value"));
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[^0-9.,]", "");
        if (digits.isEmpty()) {
            return null;
        }
        try {
            // "65" or "65.5" (decimal point in the JSON value): round to whole m²
            return new BigDecimal(digits.replace(',', '.')).setScale(0, RoundingMode.HALF_UP).intValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO date-times with or without offset, or a plain date; local ones are in the site's time zone. */
    private Instant publishedAt(String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // not offset-qualified
        }
        try {
            return LocalDateTime.parse(value).atZone(site.zone()).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(value).atStartOfDay(site.zone()).toInstant();
        } catch (DateTimeParseException ignored) {
            return fallback;
        }
    }

    /** Descriptions come as HTML ("Dueño directo.<br>Abstenerse inmobiliarias."); keep the line breaks. */
    private static String plainText(String html) {
        if (html == null) {
            return null;
        }
        String withBreaks = html.replaceAll("(?i)<br\\s*/?>", "\n");
        String text = Jsoup.parse(withBreaks).wholeText().replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" ?\\n ?", "\n").trim();
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replaceAll("[^0-9.]", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static Integer firstInteger(Integer first, Integer second) {
        return first != null ? first : second;
    }
}
