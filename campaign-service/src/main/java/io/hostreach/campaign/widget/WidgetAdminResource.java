package io.hostreach.campaign.widget;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.admin.AdminApi;
import io.hostreach.campaign.api.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of a workspace's widget: key, allowed origins, consent text; key rotation. */
@AdminApi
@Path("/admin/v1/workspaces/{id}/widget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class WidgetAdminResource {

    private final WidgetSettings settings;

    public WidgetAdminResource(WidgetSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "Get a workspace's widget settings")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WidgetSettings.View.class)))
    public Uni<WidgetSettings.View> get(@PathParam("id") String id) {
        return settings.get(Ids.parse(id, "Workspace"));
    }

    @PATCH
    @Operation(summary = "Change a workspace's widget settings",
            description = "allowedOrigins replaces the list (at most 20 origins scheme://host[:port]); consentText null restores the default.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WidgetMeResource.Patch.class),
            examples = @ExampleObject(name = "origins", value = "{\"allowedOrigins\": [\"https://www.agenciasol.es\"]}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WidgetSettings.View.class)))
    public Uni<WidgetSettings.View> update(@PathParam("id") String id, JsonNode body) {
        return settings.update(Ids.parse(id, "Workspace"), body);
    }

    @POST
    @Path("/rotate-key")
    @Operation(summary = "Give the workspace a new widget key", description = "The old key stops working at once.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WidgetSettings.View.class)))
    public Uni<WidgetSettings.View> rotate(@PathParam("id") String id) {
        return settings.rotateKey(Ids.parse(id, "Workspace"));
    }
}
