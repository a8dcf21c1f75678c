package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;
import io.hostreach.platform.portal.FilterSchemas;
import io.hostreach.platform.portal.FilterValidation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.extraction.portal.PortalAdapter;
import io.hostreach.extraction.portal.SearchCriteria;
import io.hostreach.extraction.portal.fotocasa.FotocasaAdapter;
import io.hostreach.extraction.portal.idealista.IdealistaAdapter;
import io.hostreach.extraction.portal.metrocuadrado.MetrocuadradoAdapter;
import io.hostreach.extraction.portal.navent.Inmuebles24;
import io.hostreach.extraction.portal.navent.Zonaprop;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * What the schemas and the gazetteer promise, the adapters must be able to search: every location id,
 * every property type and every portal-specific value a valid filter may hold.
 */
class SchemasMatchAdaptersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FilterSchemas SCHEMAS = new FilterSchemas();
    private static final FilterValidation VALIDATION = new FilterValidation(SCHEMAS);
    private static final LocationSearch SEARCH = new LocationSearch();
    private static final Map<Portal, PortalAdapter> ADAPTERS = new EnumMap<>(Map.of(
            Portal.IDEALISTA, new IdealistaAdapter(),
            Portal.FOTOCASA, new FotocasaAdapter(),
            Portal.METROCUADRADO, new MetrocuadradoAdapter("test-key"),
            Portal.INMUEBLES24, Inmuebles24.adapter(),
            Portal.ZONAPROP, Zonaprop.adapter()));

    @Test
    void everyGazetteerLocationCanBeSearched() {
        for (Portal platform : Portal.values()) {
            for (LocationIndex.Entry entry : SEARCH.entries(platform)) {
                Location location = entry.location();
                SearchCriteria criteria = criteria("sale", location, null, null, Map.of());
                assertDoesNotThrow(() -> ADAPTERS.get(platform).searchRequest(criteria, 2), platform.id() + " " + location);
            }
        }
    }

    @Test
    void everyValidCombinationOfEnumeratedValuesCanBeSearched() {
        for (Portal platform : Portal.values()) {
            JsonNode properties = SCHEMAS.document(platform).path("properties");
            List<Location> samples = new ArrayList<>();
            for (String country : platform.countries()) {
                SEARCH.entries(platform).stream().filter(e -> e.place().country().equals(country)).findFirst()
                        .ifPresent(e -> samples.add(e.location()));
            }
            for (Location location : samples) {
                for (String operation : values(properties.path("operation"))) {
                    for (String type : values(properties.path("propertyType"))) {
                        for (String within : values(properties.path("publishedWithin"))) {
                            for (String currency : values(properties.path("currency"))) {
                                Map<String, Object> extra = new HashMap<>();
                                if (currency != null) {
                                    extra.put("currency", currency);
                                }
                                check(platform, operation, location, type, within, extra);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Only combinations the validator accepts must be searchable; those it refuses are its business. */
    private static void check(Portal platform, String operation, Location location, String type, String within,
                              Map<String, Object> extra) {
        ObjectNode filters = JSON.createObjectNode();
        filters.put("operation", operation);
        filters.putObject("location").put("id", location.id()).put("label", location.label());
        filters.put("propertyType", type);
        filters.put("publishedWithin", within);
        filters.put("minPrice", 1000).put("maxPrice", 900000).put("minSize", 30).put("maxSize", 300)
                .put("bedrooms", 2).put("bathrooms", 1);
        extra.forEach((k, v) -> filters.put(k, v.toString()));
        if (!VALIDATION.validate(platform, filters).isEmpty()) {
            return;
        }
        SearchCriteria criteria = criteria(operation, location, type, within, extra);
        assertDoesNotThrow(() -> ADAPTERS.get(platform).searchRequest(criteria, 1),
                platform.id() + " " + operation + " " + type + " " + within + " " + extra + " " + location.id());
    }

    private static SearchCriteria criteria(String operation, Location location, String type, String within, Map<String, Object> extra) {
        return new SearchCriteria(operation, location.id(), location.label(), type, BigDecimal.valueOf(1000),
                BigDecimal.valueOf(900000), 30, 300, 2, 1, within, extra);
    }

    /** An enum's values, null included (absent); a property the schema lacks yields just null. */
    private static List<String> values(JsonNode property) {
        List<String> values = new ArrayList<>();
        property.path("enum").forEach(v -> values.add(v.isNull() ? null : v.asText()));
        if (values.isEmpty()) {
            values.add(null);
        }
        return values;
    }
}
