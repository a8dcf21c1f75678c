package io.hostreach.extraction.run;

import io.hostreach.extraction.portal.SearchCriteria;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignSearchTest {

    @Test
    void commonFiltersMapToTheCriteriaAndTheRestGoesToExtra() {
        CampaignSearch search = CampaignSearch.of("""
                {"filters": {"operation": "rent", "location": {"id": "0-EU-ES-46", "label": "Valencia", "type": "province"},
                 "propertyType": "flats", "minPrice": 600, "maxPrice": 1200.5, "minSize": 50, "maxSize": 120,
                 "bedrooms": 2, "bathrooms": 1, "publishedWithin": "week", "privateOnly": false,
                 "locationSlug": "valencia-valencia"},
                 "expectedResults": 25}""");

        SearchCriteria c = search.criteria();
        assertEquals("rent", c.operation());
        assertEquals("0-EU-ES-46", c.locationId());
        assertEquals("Valencia", c.locationLabel());
        assertEquals("flats", c.propertyType());
        assertEquals(new BigDecimal("600"), c.minPrice());
        assertEquals(new BigDecimal("1200.5"), c.maxPrice());
        assertEquals(50, c.minSize());
        assertEquals(120, c.maxSize());
        assertEquals(2, c.bedrooms());
        assertEquals(1, c.bathrooms());
        assertEquals("week", c.publishedWithin());
        assertEquals("valencia-valencia", c.extra().get("locationSlug"));
        assertEquals(false, c.extra().get("privateOnly"));
        assertFalse(search.privateOnly());
        assertEquals(25, search.expectedResults());
    }

    @Test
    void privateOnlyAndExpectedResultsHaveTheirDefaults() {
        CampaignSearch search = CampaignSearch.of("""
                {"filters": {"operation": "sale", "location": {"id": "palermo", "label": "Palermo"}}}""");
        assertTrue(search.privateOnly());
        assertEquals(true, search.criteria().extra().get("privateOnly"));
        assertEquals(50, search.expectedResults());
    }

    @Test
    void aSearchWithoutLocationOrOperationIsRefusedByName() {
        IllegalArgumentException noLocation = assertThrows(IllegalArgumentException.class,
                () -> CampaignSearch.of("{\"filters\": {\"operation\": \"sale\"}}"));
        assertTrue(noLocation.getMessage().contains("location"));
        assertThrows(IllegalArgumentException.class, () -> CampaignSearch.of("{\"batchSize\": 5}"));
    }
}
