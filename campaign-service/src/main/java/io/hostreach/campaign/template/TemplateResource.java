package io.hostreach.campaign.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.ApiError;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.hostreach.campaign.idempotency.Idempotency;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /templates}: message templates, submitted to Meta for review when they are Meta templates. */
@ApiScope("templates")
@Path(PublicApi.PREFIX + "/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Scopes: templates:read for GET, templates:write otherwise. A meta-api template of a "
        + "live key is submitted to Meta through the workspace's WhatsApp Cloud API account and carries Meta's review status, "
        + "kept current by Meta's webhooks. Text templates (manual mode, or inside a lead's 24-hour window) and test-mode "
        + "templates never go to Meta and are APPROVED at once.")
public class TemplateResource {

    private static final String CREATE_EXAMPLE = """
            {"apiType": "meta-api", "platform": "idealista", "name": "captacion_vendedor_v1", "category": "MARKETING",
             "language": "es_ES",
             "components": [{"type": "BODY", "text": "Hola {{1}}, he visto tu anuncio \\"{{2}}\\". ¿Sigue disponible?"},
                            {"type": "FOOTER", "text": "Responde BAJA para no recibir más mensajes"}],
             "variables": ["name", "listing.title"]}""";

    private final TemplateService templates;
    private final CurrentApiKey apiKey;
    private final Idempotency idempotency;

    public TemplateResource(TemplateService templates, CurrentApiKey apiKey, Idempotency idempotency) {
        this.templates = templates;
        this.apiKey = apiKey;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Create a template", description = "{apiType: meta-api|text, platform?, wabaId?, name, category, language, "
            + "components, variables?}. name: lowercase letters, digits, underscores (Meta's rule); components: exactly one "
            + "BODY, optional HEADER (format TEXT), FOOTER, BUTTONS (QUICK_REPLY, URL, PHONE_NUMBER); BODY placeholders are "
            + "{{1}}..{{n}} and variables names the lead field of each (name, phone, email, listing.title, listing.city, "
            + "listing.price, listing.url, …, attributes.<csv column>). A live meta-api template is submitted to Meta before "
            + "the answer: 201 with status PENDING (or APPROVED) and metaTemplateId; REJECTED when Meta refuses it, ERROR "
            + "when Meta cannot be reached or refuses the account's token — both with statusReason. Unique per name and language.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT),
            examples = @ExampleObject(name = "meta", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Same name and language exists; or no WhatsApp Cloud API account to submit through",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, JsonNode body) {
        return idempotency.runAcrossServices(apiKey.get(), idempotencyKey, "POST /templates", body,
                () -> templates.create(apiKey.get(), body).map(view -> Response.status(201).entity(view).build()));
    }

    @GET
    @Operation(summary = "List templates", description = "Newest first; filters apiType and status.")
    public Uni<PageView<TemplateView>> list(
            @QueryParam("apiType") @Parameter(schema = @Schema(enumeration = {"meta-api", "text"})) String apiType,
            @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"PENDING", "APPROVED", "REJECTED", "PAUSED",
                    "DISABLED", "ERROR"})) String status,
            @QueryParam("page") @Parameter(schema = @Schema(minimum = "1")) String page,
            @QueryParam("limit") @Parameter(schema = @Schema(minimum = "1", maximum = "100")) String limit) {
        return templates.list(apiKey.get(), apiType, status, PageRequest.of(page, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a template")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    public Uni<TemplateView> get(@PathParam("id") String id) {
        return templates.get(apiKey.get(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a template", description = "Any field of the create body but apiType; the result is checked "
            + "as a whole. For a template Meta holds, name, language and wabaId are fixed; a new category or components "
            + "go to Meta as an edit first (422 with Meta's reason if it refuses, 502 if it cannot be reached; nothing "
            + "changes then) and the template is PENDING review again. variables and platform change here only.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT),
            examples = @ExampleObject(name = "variables", value = "{\"variables\": [\"name\", \"listing.city\"]}")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "422", description = "Meta refused the change", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "502", description = "Meta could not be reached", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<TemplateView> update(@PathParam("id") String id, JsonNode body) {
        return templates.update(apiKey.get(), id, body);
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit a template to Meta again", description = "For a live meta-api template Meta has not taken "
            + "for review (status ERROR, or REJECTED at submission): submits it as it is now. 409 for any other template.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TemplateView.class)))
    public Uni<TemplateView> submit(@PathParam("id") String id) {
        return templates.resubmit(apiKey.get(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a template", description = "Removes it from hostreach; a Meta template stays in the WABA's "
            + "WhatsApp Manager. Campaigns that still name it are held until they are changed.")
    @APIResponse(responseCode = "204")
    public Uni<Response> delete(@PathParam("id") String id) {
        return templates.delete(apiKey.get(), id).replaceWith(Response.noContent().build());
    }
}
