package io.hostreach.extraction.portal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A listing normalised across portals, with its advertiser and phone. Fields a portal does not give are
 * null. {@code phone} is E.164 (libphonenumber) or null when hidden or unusable; {@code phoneRaw} keeps
 * what the portal showed.
 */
public record Listing(
        String portal,
        String listingId,
        String url,
        String title,
        String description,
        String operation,
        String propertyType,
        BigDecimal price,
        String currency,
        Integer size,
        Integer rooms,
        Integer bathrooms,
        String address,
        String city,
        String province,
        Double latitude,
        Double longitude,
        Instant publishedAt,
        AdvertiserType advertiserType,
        String advertiserName,
        String phoneRaw,
        String phone,
        Boolean whatsapp) {

    public Listing withContact(AdvertiserType type, String name, String raw, String e164, Boolean hasWhatsapp) {
        return new Listing(portal, listingId, url, title, description, operation, propertyType, price, currency,
                size, rooms, bathrooms, address, city, province, latitude, longitude, publishedAt,
                type == null ? advertiserType : type, name == null ? advertiserName : name,
                raw == null ? phoneRaw : raw, e164 == null ? phone : e164,
                hasWhatsapp == null ? whatsapp : hasWhatsapp);
    }
}
