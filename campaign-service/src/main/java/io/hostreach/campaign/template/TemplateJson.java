package io.hostreach.campaign.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Stored JSON columns of a template to and from trees, and the template's views. */
@ApplicationScoped
public class TemplateJson {

    private final ObjectMapper mapper;

    public TemplateJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ArrayNode components(MessageTemplate t) {
        try {
            return (ArrayNode) mapper.readTree(t.components);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored components of template " + t.id + " are not JSON", e);
        }
    }

    public List<String> variables(MessageTemplate t) {
        try {
            return mapper.readValue(t.variables, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored variables of template " + t.id + " are not JSON", e);
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored definition as a request body would give it (what a PATCH is merged into). */
    public ObjectNode definition(MessageTemplate t) {
        ObjectNode json = mapper.createObjectNode();
        json.put("apiType", t.apiType);
        if (t.platform != null) {
            json.put("platform", t.platform);
        }
        if (t.wabaId != null) {
            json.put("wabaId", t.wabaId);
        }
        json.put("name", t.name);
        json.put("category", t.category);
        json.put("language", t.language);
        json.set("components", components(t));
        json.set("variables", mapper.valueToTree(variables(t)));
        return json;
    }

    public TemplateView view(MessageTemplate t) {
        return new TemplateView(t.id, t.apiType, t.platform, t.wabaId, t.name, t.category, t.language, components(t),
                variables(t), t.status, t.statusReason, t.metaTemplateId, t.statusChangedAt, t.createdAt, t.updatedAt);
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }
}
