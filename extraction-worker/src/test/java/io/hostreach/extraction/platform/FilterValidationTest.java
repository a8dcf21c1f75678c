package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;
import io.hostreach.platform.portal.FilterSchemas;
import io.hostreach.platform.portal.FilterValidation;
import io.hostreach.platform.portal.Violation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FilterSchemas SCHEMAS = new FilterSchemas();
    private static final FilterValidation VALIDATION = new FilterValidation(SCHEMAS);
    private static final String VALENCIA = "{\"id\": \"0-EU-ES-46\", \"label\": \"Valencia\", \"type\": \"province\", \"parent\": null}";

    private static List<Violation> validate(Portal platform, String filters) throws Exception {
        return VALIDATION.validate(platform, JSON.readTree(filters));
    }

    private static List<String> messages(Portal platform, String filters) throws Exception {
        return validate(platform, filters).stream().map(Violation::message).toList();
    }

    @Test
    void aCompleteIdealistaFilterIsValid() throws Exception {
        assertEquals(List.of(), validate(Portal.IDEALISTA, """
                {"operation": "sale", "location": %s, "propertyType": "flats", "minPrice": 50000, "maxPrice": 300000.5,
                 "minSize": 40, "maxSize": 200, "bedrooms": 2, "bathrooms": 1, "publishedWithin": "week",
                 "privateOnly": true, "locationSlug": "valencia-provincia"}""".formatted(VALENCIA)));
    }

    @Test
    void optionalKeysMayBeNullOrAbsent() throws Exception {
        assertEquals(List.of(), validate(Portal.FOTOCASA, """
                {"operation": "rent", "location": {"id": "724,9,8,232,376,8019,0,0,0", "label": "Barcelona, Barcelona"},
                 "propertyType": null, "minPrice": null, "bedrooms": null, "publishedWithin": null, "privateOnly": null}"""));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() throws Exception {
        assertEquals(List.of(new Violation("segmentation.filters.operation", "segmentation.filters.operation must be one of sale, rent")),
                validate(Portal.IDEALISTA, "{\"operation\": \"buy\", \"location\": " + VALENCIA + "}"));
    }

    @Test
    void anUnknownKeyIsRefusedByItsFullPath() throws Exception {
        assertEquals(List.of(new Violation("segmentation.filters.colour", "Unknown field 'segmentation.filters.colour'")),
                validate(Portal.IDEALISTA, "{\"operation\": \"sale\", \"location\": " + VALENCIA + ", \"colour\": \"red\"}"));
    }

    @Test
    void operationAndLocationAreRequired() throws Exception {
        assertEquals(List.of(new Violation("segmentation.filters.location", "segmentation.filters.location is required"),
                        new Violation("segmentation.filters.operation", "segmentation.filters.operation is required")),
                validate(Portal.ZONAPROP, "{}"));
    }

    @Test
    void everyBrokenRuleIsListedOnceWithItsOwnSentence() throws Exception {
        List<Violation> violations = validate(Portal.METROCUADRADO, """
                {"operation": "sale", "location": {"id": "Bogotá D.C.", "label": "", "country": "CO"},
                 "propertyType": "castles", "minPrice": -1, "maxSize": "big", "bedrooms": 21, "bathrooms": 1.5,
                 "publishedWithin": "year", "privateOnly": "yes"}""");
        assertEquals(List.of(
                "segmentation.filters.bathrooms must be a whole number",
                "segmentation.filters.bedrooms must be a whole number between 0 and 20",
                "Unknown field 'segmentation.filters.location.country'",
                "segmentation.filters.location.id must be a metrocuadrado location id such as bogota, as returned by location search",
                "segmentation.filters.location.label must not be empty",
                "segmentation.filters.maxSize must be a whole number",
                "segmentation.filters.minPrice must not be negative",
                "segmentation.filters.privateOnly must be true or false",
                "segmentation.filters.propertyType must be one of homes, flats, studios, houses, offices, premises, lands",
                "segmentation.filters.publishedWithin must be one of day, week, month"),
                violations.stream().map(Violation::message).toList());
        List<String> fields = violations.stream().map(Violation::field).toList();
        assertTrue(fields.contains("segmentation.filters.location.id"), fields::toString);
        assertTrue(fields.contains("segmentation.filters.location.country"), fields::toString);
    }

    @Test
    void aLocationMustBeAnObjectWithAnIdAndALabel() throws Exception {
        assertEquals(List.of(new Violation("segmentation.filters.location", "segmentation.filters.location must be an object")),
                validate(Portal.INMUEBLES24, "{\"operation\": \"rent\", \"location\": \"benito-juarez\"}"));
        assertEquals(List.of(new Violation("segmentation.filters.location.id", "segmentation.filters.location.id is required")),
                validate(Portal.INMUEBLES24, "{\"operation\": \"rent\", \"location\": {\"label\": \"Benito Juárez\"}}"));
    }

    @Test
    void minimumsMustNotExceedMaximums() throws Exception {
        assertEquals(List.of(
                        new Violation("segmentation.filters.minPrice",
                                "segmentation.filters.minPrice must not be greater than segmentation.filters.maxPrice"),
                        new Violation("segmentation.filters.minSize",
                                "segmentation.filters.minSize must not be greater than segmentation.filters.maxSize")),
                validate(Portal.FOTOCASA, """
                        {"operation": "sale", "location": {"id": "724,9,8", "label": "Barcelona"}, "minPrice": 300000,
                         "maxPrice": 100000, "minSize": 90, "maxSize": 60}"""));
    }

    @Test
    void idealistaRoomsAreForRentOnly() throws Exception {
        assertEquals(List.of(new Violation("segmentation.filters.operation",
                        "segmentation.filters.operation must be rent (idealista lists rooms for rent only)")),
                validate(Portal.IDEALISTA, "{\"operation\": \"sale\", \"propertyType\": \"rooms\", \"location\": " + VALENCIA + "}"));
        assertEquals(List.of(),
                validate(Portal.IDEALISTA, "{\"operation\": \"rent\", \"propertyType\": \"rooms\", \"location\": " + VALENCIA + "}"));
    }

    @Test
    void idealistaItalyAndPortugalOfferFewerPropertyTypesThanSpain() throws Exception {
        String milano = "{\"id\": \"0-EU-IT-MI-01-001-135\", \"label\": \"Milano, Milano\"}";
        assertEquals(List.of(new Violation("segmentation.filters.propertyType",
                        "segmentation.filters.propertyType must be one of homes, flats, rooms (idealista.it offers no other property type)")),
                validate(Portal.IDEALISTA, "{\"operation\": \"sale\", \"propertyType\": \"offices\", \"location\": " + milano + "}"));
        String lisboa = "{\"id\": \"0-EU-PT-11-06\", \"label\": \"Lisboa, Lisboa\"}";
        assertEquals(List.of(), validate(Portal.IDEALISTA,
                "{\"operation\": \"sale\", \"propertyType\": \"houses\", \"location\": " + lisboa + "}"));
        assertEquals(List.of("segmentation.filters.propertyType must be one of homes, flats, houses, rooms "
                        + "(idealista.pt offers no other property type)"),
                messages(Portal.IDEALISTA, "{\"operation\": \"sale\", \"propertyType\": \"garages\", \"location\": " + lisboa + "}"));
        assertEquals(List.of(), validate(Portal.IDEALISTA,
                "{\"operation\": \"sale\", \"propertyType\": \"garages\", \"location\": " + VALENCIA + "}"));
    }

    @Test
    void portalSpecificKeysBelongToTheirPortalOnly() throws Exception {
        String palermo = "{\"id\": \"palermo\", \"label\": \"Palermo, Capital Federal\"}";
        assertEquals(List.of(), validate(Portal.ZONAPROP, "{\"operation\": \"sale\", \"currency\": \"USD\", \"location\": " + palermo + "}"));
        assertEquals(List.of("segmentation.filters.currency must be one of USD, ARS"),
                messages(Portal.ZONAPROP, "{\"operation\": \"sale\", \"currency\": \"EUR\", \"location\": " + palermo + "}"));
        assertEquals(List.of("segmentation.filters.currency must be one of MXN, USD"), messages(Portal.INMUEBLES24,
                "{\"operation\": \"sale\", \"currency\": \"ARS\", \"location\": {\"id\": \"tijuana\", \"label\": \"Tijuana\"}}"));
        assertEquals(List.of("Unknown field 'segmentation.filters.currency'", "Unknown field 'segmentation.filters.locationSlug'"),
                messages(Portal.FOTOCASA, "{\"operation\": \"sale\", \"currency\": \"EUR\", \"locationSlug\": \"x\", "
                        + "\"location\": {\"id\": \"724\", \"label\": \"España\"}}"));
        assertEquals(List.of("segmentation.filters.locationSlug must look like valencia-valencia"), messages(Portal.IDEALISTA,
                "{\"operation\": \"sale\", \"locationSlug\": \"Valencia Capital\", \"location\": " + VALENCIA + "}"));
    }

    @Test
    void aLocationIdOfAnotherPortalIsRefused() throws Exception {
        assertEquals(List.of("segmentation.filters.location.id must be a fotocasa location id such as 724,9,8,232,376,8019,0,0,0, "
                        + "as returned by location search"),
                messages(Portal.FOTOCASA, "{\"operation\": \"sale\", \"location\": " + VALENCIA + "}"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneViolation() throws Exception {
        List<Violation> expected = List.of(new Violation("segmentation.filters", "segmentation.filters must be an object"));
        assertEquals(expected, validate(Portal.IDEALISTA, "[1, 2]"));
        assertEquals(expected, VALIDATION.validate(Portal.IDEALISTA, null));
    }

    @Test
    void everySchemaDescribesEveryKeyAndRefusesUnknownOnes() {
        for (Portal platform : Portal.values()) {
            JsonNode schema = SCHEMAS.document(platform);
            String name = platform.id();
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), name);
            assertFalse(schema.path("additionalProperties").asBoolean(true), name);
            assertFalse(schema.at("/properties/location/additionalProperties").asBoolean(true), name);
            assertEquals("[\"operation\",\"location\"]", schema.path("required").toString(), name);
            List<String> keys = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(keys::add);
            assertTrue(keys.containsAll(List.of("operation", "location", "propertyType", "minPrice", "maxPrice", "minSize",
                    "maxSize", "bedrooms", "bathrooms", "publishedWithin", "privateOnly")), name + ": " + keys);
            schema.path("properties").fields().forEachRemaining(property -> assertFalse(
                    property.getValue().path("description").asText().isBlank(), name + "." + property.getKey()));
            assertTrue(schema.at("/properties/privateOnly/default").asBoolean(false), name);
        }
    }
}
