package io.hostreach.extraction.lead;

import io.hostreach.extraction.portal.Listing;

import java.math.BigDecimal;
import java.time.Instant;

/** The {@code listing} object of a {@code lead.captured} event. */
public record ListingData(String portal, String listingId, String url, String title, String description,
                          String operation, String propertyType, BigDecimal price, String currency, Integer size,
                          Integer rooms, Integer bathrooms, String address, String city, String province,
                          Double latitude, Double longitude, Instant publishedAt) {

    public static ListingData of(Listing l) {
        return new ListingData(l.portal(), l.listingId(), l.url(), l.title(), l.description(), l.operation(),
                l.propertyType(), l.price(), l.currency(), l.size(), l.rooms(), l.bathrooms(), l.address(), l.city(),
                l.province(), l.latitude(), l.longitude(), l.publishedAt());
    }
}
