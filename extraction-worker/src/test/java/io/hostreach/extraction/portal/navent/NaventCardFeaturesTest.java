package io.hostreach.extraction.portal.navent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NaventCardFeaturesTest {

    @Test
    void aHouseWithLotAndBuiltAreaShowsTheBuiltArea() {
        NaventCardFeatures features = NaventCardFeatures.parse(
                List.of("1.250 m² lote", "320 m² const.", "4 rec.", "3 baños", "1 medio baño", "2 estac."));

        assertEquals(1250, features.totalArea());
        assertEquals(320, features.coveredArea());
        assertEquals(320, features.size());
        assertEquals(4, features.bedrooms());
        assertEquals(3, features.bathrooms(), "the half bath is not a bathroom");
    }

    @Test
    void ambientesAreNotBedrooms() {
        NaventCardFeatures features = NaventCardFeatures.parse(List.of("38 m² tot.", "1 amb.", "1 baño"));

        assertNull(features.bedrooms());
        assertEquals(38, features.size(), "the total when no built area is shown");
        assertEquals(1, features.bathrooms());
    }
}
