package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PhoneNumbers;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import org.jsoup.nodes.Element;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one result card ({@code article.item}) of an idealista search page into a {@link Listing}.
 * Cards carry no publication date, coordinates or province; those stay null. A card with an agency logo
 * ({@code picture.logo-branding}) is professional; a card without one is only <em>possibly</em> private,
 * so it stays {@link AdvertiserType#UNKNOWN} until the contact info says {@code isAdProfessional}.
 * {@code rooms} is what the card counts: bedrooms in Spain ("3 hab.") and Portugal ("T3"), but "locali"
 * (every room, living room included) in Italy.
 */
final class IdealistaCardParser {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d[\\d.]*)");
    private static final Pattern SIZE = Pattern.compile("^(\\d[\\d.]*)\\s*m²");
    // "3 hab." (ES), "3 locali" (IT), "T3" (PT); bathrooms appear on some cards as "2 baños" / "2 bagni".
    private static final Pattern ROOMS = Pattern.compile("^(?:(\\d+)\\s*(?:hab|local|quart)|T(\\d+)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BATHROOMS = Pattern.compile("^(\\d+)\\s*(?:baño|bagn|casas? de banho|wc)",
            Pattern.CASE_INSENSITIVE);
    // The title reads "<type> en|in|na|no|em <address>"; the address part is what we keep.
    private static final Pattern TITLE_ADDRESS = Pattern.compile("^\\S.*?\\s(?:en|in|na|no|em)\\s(.+)$");

    private IdealistaCardParser() {
    }

    static Listing parse(Element card, IdealistaSite site, String operation, String propertyType) {
        Element link = card.selectFirst("a.item-link");
        if (link == null) {
            throw new PortalLayoutChangedException("idealista result card has no 'a.item-link' (card "
                    + card.attr("data-element-id") + ")");
        }
        String listingId = card.attr("data-element-id").trim();
        if (listingId.isEmpty()) {
            listingId = idFromHref(link.attr("href"), site);
        }
        if (listingId == null) {
            throw new PortalLayoutChangedException(
                    "idealista result card has neither 'data-element-id' nor a listing link: " + link.attr("href"));
        }

        String title = text(link.hasAttr("title") ? link.attr("title") : link.text());
        String address = addressOf(title);
        Element logo = card.selectFirst("picture.logo-branding");
        AdvertiserType advertiserType = logo != null ? AdvertiserType.PROFESSIONAL : AdvertiserType.UNKNOWN;
        String advertiserName = logo == null ? null : agencyName(logo);

        Integer size = null;
        Integer rooms = null;
        Integer bathrooms = null;
        for (Element detail : card.select(".item-detail-char .item-detail")) {
            String value = detail.text().trim();
            Matcher m;
            if (size == null && (m = SIZE.matcher(value)).find()) {
                size = Integer.valueOf(m.group(1).replace(".", ""));
            } else if (rooms == null && (m = ROOMS.matcher(value)).find()) {
                rooms = Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2));
            } else if (bathrooms == null && (m = BATHROOMS.matcher(value)).find()) {
                bathrooms = Integer.valueOf(m.group(1));
            }
        }

        String phoneRaw = cardPhone(card);
        String phone = PhoneNumbers.toE164(phoneRaw, site.phoneRegion()).orElse(null);
        Element description = card.selectFirst(".item-description");

        return new Listing("idealista", listingId, site.listingUrl(listingId), title,
                description == null ? null : text(description.text()), operation, propertyType,
                price(card), site.currency(), size, rooms, bathrooms, address, cityOf(address), null, null, null,
                null, advertiserType, advertiserName, phoneRaw, phone, null);
    }

    private static BigDecimal price(Element card) {
        Element price = card.selectFirst(".item-price");
        if (price == null) {
            return null;
        }
        Matcher m = LEADING_NUMBER.matcher(price.text().trim());
        // Prices are whole euros written with "." as the thousands separator ("245.000€", "1.150€/mes").
        return m.find() ? new BigDecimal(m.group(1).replace(".", "")) : null;
    }

    /** Some professional cards print the number; others only a "Ver teléfono" button or an empty tel: link. */
    private static String cardPhone(Element card) {
        for (Element tel : card.select("a[href^=tel:]")) {
            String number = tel.attr("href").substring("tel:".length()).trim();
            if (!number.isEmpty()) {
                return number;
            }
        }
        return null;
    }

    private static String agencyName(Element logo) {
        Element image = logo.selectFirst("img[alt]");
        if (image != null && !image.attr("alt").isBlank()) {
            return image.attr("alt").trim();
        }
        Element anchor = logo.selectFirst("a[title]");
        return anchor == null ? null : anchor.attr("title").trim();
    }

    private static String addressOf(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = TITLE_ADDRESS.matcher(title);
        return m.matches() ? m.group(1).trim() : null;
    }

    /** The last comma-separated part of the address is the municipality ("…, Russafa, Valencia"). */
    private static String cityOf(String address) {
        if (address == null) {
            return null;
        }
        int comma = address.lastIndexOf(',');
        return comma < 0 ? null : address.substring(comma + 1).trim();
    }

    private static String idFromHref(String href, IdealistaSite site) {
        int start = href.indexOf(site.listingPathPrefix());
        if (start < 0) {
            return null;
        }
        String rest = href.substring(start + site.listingPathPrefix().length());
        String id = rest.replaceAll("/.*$", "");
        return id.matches("\\d+") ? id : null;
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.replaceAll("\\s+", " ").trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
