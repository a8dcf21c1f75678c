package io.hostreach.campaign.widget;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * {@code /me/widget}: the key's workspace's widget settings. Reading needs any valid key (like /me); changing
 * them or rotating the key needs {@code campaigns:write}, as the widget feeds the widget campaign.
 */
@ApiScope("campaigns")
@Path(PublicApi.PREFIX + "/me/widget")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class WidgetMeResource {

    private final WidgetSettings settings;
    private final CurrentApiKey apiKey;

    public WidgetMeResource(WidgetSettings settings, CurrentApiKey apiKey) {
        this.settings = settings;
        this.apiKey = apiKey;
    }

    @Schema(name = "WidgetSettingsPatch")
    public record Patch(@Schema(examples = "[\"https://www.agenciasol.es\"]", maxItems = 20) List<String> allowedOrigins,
                        @Schema(maxLength = 1000, nullable = true) String consentText) {
    }

    @GET
    @ApiScope("")
    @Operation(summary = "The workspace's widget settings", description = "The public widget key to put in "
            + "data-widget-key, the origins allowed to post leads, and the consent text the widget shows. Any valid key.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WidgetSettings.View.class)))
    public Uni<WidgetSettings.View> get() {
        return settings.get(apiKey.workspaceId());
    }

    @PATCH
    @Operation(summary = "Change the widget settings", description = "allowedOrigins replaces the list (at most 20 "
            + "origins scheme://host[:port]); consentText null restores the default. Needs campaigns:write.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Patch.class),
            examples = @ExampleObject(name = "origins", value = "{\"allowedOrigins\": [\"https://www.agenciasol.es\"]}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WidgetSettings.View.class)))
    public Uni<WidgetSettings.View> update(JsonNode body) {
        return settings.update(apiKey.workspaceId(), body);
    }

    @POST
    @Path("/rotate-key")
    @Operation(summary = "Rotate the widget key", description = "The old key stops working at once; update the "
            + "page's data-widget-key. Needs campaigns:write.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WidgetSettings.View.class)))
    public Uni<WidgetSettings.View> rotate() {
        return settings.rotateKey(apiKey.workspaceId());
    }
}
