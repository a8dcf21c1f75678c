package io.hostreach.extraction.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One generated listing. {@code cardType} is what the results page shows (private, professional or unknown);
 * {@code advertiserType} and {@code phone} are what its contact answer reveals (phone null: hidden).
 */
record SandboxListing(String id, String title, String description, String operation, String propertyType,
                      BigDecimal price, String currency, int size, int rooms, int bathrooms, String address,
                      String city, String province, double latitude, double longitude, Instant publishedAt,
                      String cardType, String advertiserType, String advertiserName, String phone) {

    /** Professionals print their number on the card; private owners only reveal it on request. */
    String cardPhone() {
        return "professional".equals(cardType) ? phone : null;
    }
}
