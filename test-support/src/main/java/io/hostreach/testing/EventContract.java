package io.hostreach.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The published event contract, {@code docs/asyncapi.yaml}, for tests: producers check what they emit
 * against a message's payload schema; consumers read the message's examples.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventContract instance;

    private final JsonNode document;

    private EventContract(JsonNode document) {
        this.document = document;
    }

    /** Finds docs/asyncapi.yaml from the module directory (tests run there) or the repository root. */
    public static synchronized EventContract load() {
        if (instance == null) {
            Path here = Path.of("").toAbsolutePath();
            Path file = null;
            for (Path dir = here; dir != null && file == null; dir = dir.getParent()) {
                Path candidate = dir.resolve("docs/asyncapi.yaml");
                if (Files.exists(candidate)) {
                    file = candidate;
                }
            }
            if (file == null) {
                throw new IllegalStateException("docs/asyncapi.yaml not found above " + here);
            }
            try {
                instance = new EventContract(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The message whose {@code name} is the CloudEvents type, e.g. {@code io.hostreach.lead.captured}. */
    private JsonNode message(String type) {
        for (JsonNode message : document.path("components").path("messages")) {
            if (type.equals(message.path("name").asText())) {
                return message;
            }
        }
        throw new IllegalArgumentException("docs/asyncapi.yaml has no message named " + type);
    }

    /** Every way the event breaks its schema; empty when it conforms. */
    public List<String> violations(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            JsonSchema schema = schemaFor(event.path("type").asText());
            Set<ValidationMessage> errors = schema.validate(event);
            return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** The example payloads (whole CloudEvents) of a message, as JSON strings. */
    public List<String> examples(String type) {
        List<String> out = new ArrayList<>();
        message(type).path("examples").forEach(example -> out.add(example.path("payload").toString()));
        return out;
    }

    private JsonSchema schemaFor(String type) {
        String ref = message(type).path("payload").path("$ref").asText();
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        // A standalone 2020-12 schema: the components become $defs and every reference follows them.
        String defs = document.path("components").path("schemas").toString()
                .replace("#/components/schemas/", "#/$defs/");
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        try {
            root.set("$defs", JSON.readTree(defs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root.put("$ref", "#/$defs/" + name);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }
}
