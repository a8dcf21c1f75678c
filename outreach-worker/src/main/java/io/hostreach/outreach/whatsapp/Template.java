package io.hostreach.outreach.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A message template as campaign-service's internal endpoint gives it. {@code variables} maps the
 * positional parameters: {@code variables[0]} is the lead field for {{1}}, and so on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Template(String id, String apiType, String name, String language, String category, String status,
                       List<Component> components, List<String> variables) {

    public static final String META_API = "meta-api";
    public static final String APPROVED = "APPROVED";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(String type, String text) {
    }

    public boolean isMeta() {
        return META_API.equals(apiType);
    }

    public String bodyText() {
        return components == null ? "" : components.stream()
                .filter(c -> "BODY".equalsIgnoreCase(c.type()) && c.text() != null)
                .map(Component::text).findFirst().orElse("");
    }

    public List<String> variablesOrEmpty() {
        return variables == null ? List.of() : variables;
    }
}
