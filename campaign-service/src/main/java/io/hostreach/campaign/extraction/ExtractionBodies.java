package io.hostreach.campaign.extraction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** The request body of {@code POST /extractions}, for the OpenAPI document (the service validates the JSON). */
final class ExtractionBodies {

    static final String START_EXAMPLE = """
            {"platform": "fotocasa", "maxResults": 20,
             "filters": {"operation": "sale", "location": {"id": "724,14,28,173,0,28079,0,0,0", "label": "Madrid"}}}""";

    private ExtractionBodies() {
    }

    @Schema(name = "ExtractionStart", description = "Creates an extract_only campaign for the run and queues it.")
    record Start(@Schema(required = true, enumeration = {"idealista", "fotocasa", "metrocuadrado", "inmuebles24", "zonaprop"})
                 String platform,
                 @Schema(required = true, description = "Must validate against GET /platforms/{platform}/filters")
                 Map<String, Object> filters,
                 @Schema(minimum = "1", maximum = "5000", defaultValue = "50") Integer maxResults) {
    }
}
