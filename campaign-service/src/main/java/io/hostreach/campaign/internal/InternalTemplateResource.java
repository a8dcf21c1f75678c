package io.hostreach.campaign.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.template.MessageTemplate;
import io.hostreach.campaign.template.TemplateJson;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /internal/v1/templates/{id}}: a template as outreach-worker sends it (its {@code whatsapp.Template}):
 * components to render, the lead field of each placeholder, and the status that decides whether the Cloud API
 * may send it (text templates are APPROVED: they need no review).
 */
@InternalApi
@Path("/internal/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
public class InternalTemplateResource {

    private final TemplateJson json;

    public InternalTemplateResource(TemplateJson json) {
        this.json = json;
    }

    public record Component(String type, String text) {
    }

    public record SendableTemplate(UUID id, String apiType, String name, String language, String category, String status,
                                   List<Component> components, List<String> variables) {
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(hidden = true)
    public Uni<SendableTemplate> template(@PathParam("id") String rawId) {
        UUID id = Ids.parse(rawId, "Template");
        return MessageTemplate.<MessageTemplate>findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Template not found"))
                .map(t -> {
                    List<Component> components = new java.util.ArrayList<>();
                    for (JsonNode c : json.components(t)) {
                        JsonNode text = c.get("text");
                        components.add(new Component(c.path("type").asText(), text == null || text.isNull() ? null : text.asText()));
                    }
                    return new SendableTemplate(t.id, t.apiType, t.name, t.language, t.category, t.status, components,
                            json.variables(t));
                });
    }
}
