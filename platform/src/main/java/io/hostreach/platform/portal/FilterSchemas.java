package io.hostreach.platform.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of each portal's {@code segmentation.filters}, read once from
 * {@code platforms/<portal>/filters.schema.json} and compiled. A missing or broken schema fails the start,
 * not a later request.
 */
@Startup
@Singleton
public class FilterSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Portal, JsonNode> documents = new EnumMap<>(Portal.class);
    private final Map<Portal, JsonSchema> compiled = new EnumMap<>(Portal.class);

    public FilterSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                // 2020-12 counts 2.0 as an integer; the validator only does when told.
                .losslessNarrowing(true)
                .build();
        for (Portal platform : Portal.values()) {
            JsonNode document = read("platforms/" + platform.id() + "/filters.schema.json");
            documents.put(platform, document);
            compiled.put(platform, factory.getSchema(document, config));
        }
    }

    /** The schema document as shipped (callers must not modify it). */
    public JsonNode document(Portal platform) {
        return documents.get(platform);
    }

    JsonSchema compiled(Portal platform) {
        return compiled.get(platform);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = FilterSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing filter schema " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable filter schema " + resource, e);
        }
    }
}
