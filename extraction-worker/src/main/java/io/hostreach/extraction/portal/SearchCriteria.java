package io.hostreach.extraction.portal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The validated {@code segmentation.filters} of a campaign, in the common vocabulary of the public API.
 * Portal-specific keys stay in {@code extra}.
 *
 * @param operation       sale or rent
 * @param locationId      the portal's own location id, as location search returned it
 * @param propertyType    e.g. homes, flats, houses, rooms, offices, premises, garages, lands (null = any)
 * @param publishedWithin day, week or month (null = any)
 */
public record SearchCriteria(String operation, String locationId, String locationLabel, String propertyType,
                             BigDecimal minPrice, BigDecimal maxPrice, Integer minSize, Integer maxSize,
                             Integer bedrooms, Integer bathrooms, String publishedWithin,
                             Map<String, Object> extra) {
}
