package io.hostreach.extraction.sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a sandbox search is about. The same search always yields the same listings (the seed is a hash of
 * platform, operation, location and property type); price, size and room filters shape the values only.
 */
record SandboxSearch(String platform, String operation, String locationId, String locationLabel, String propertyType,
                     BigDecimal minPrice, BigDecimal maxPrice, Integer minSize, Integer maxSize, Integer bedrooms,
                     Integer bathrooms) {

    /** 8 hex characters naming the result set; listing ids start with it. */
    String seed() {
        String key = platform + "|" + operation + "|" + locationId + "|" + propertyType;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    SandboxMarket market() {
        return SandboxMarket.of(platform, locationId);
    }
}
