package io.hostreach.campaign.webhook;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /webhooks}: signed event deliveries to the customer's endpoints. */
@ApiScope("webhooks")
@Path(PublicApi.PREFIX + "/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Scopes: webhooks:read for GET, webhooks:write otherwise. Deliveries are POSTs of "
        + "{id, type, createdAt, data} with Hostreach-Event-Id and Hostreach-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "
        + "\"<t>.<raw body>\" keyed by the secret>; retried with backoff for 24 h.")
public class WebhookResource {

    private final WebhookService webhooks;
    private final CurrentApiKey apiKey;
    private final Idempotency idempotency;

    public WebhookResource(WebhookService webhooks, CurrentApiKey apiKey, Idempotency idempotency) {
        this.webhooks = webhooks;
        this.apiKey = apiKey;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Subscribe", description = "{url, secret (16-256 chars, never returned), name, events}")
    public Uni<Response> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookBodies.Create.class), examples = {@ExampleObject(name = "crm", value = WebhookBodies.CREATE_EXAMPLE)})) JsonNode body) {
        return idempotency.run(apiKey.get(), idempotencyKey, "POST /webhooks", body,
                () -> webhooks.create(apiKey.get(), body).map(view -> Response.status(201).entity(view).build()));
    }

    @GET
    @Operation(summary = "List subscriptions")
    public Uni<PageView<WebhookService.SubscriptionView>> list(@QueryParam("page") String page,
                                                               @QueryParam("limit") String limit) {
        return webhooks.list(apiKey.get(), PageRequest.of(page, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a subscription")
    public Uni<WebhookService.SubscriptionView> get(@PathParam("id") String id) {
        return webhooks.get(apiKey.get(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a subscription", description = "url, secret, name, events, enabled (true re-enables a disabled one)")
    public Uni<WebhookService.SubscriptionView> update(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookBodies.Update.class), examples = {@ExampleObject(name = "events", value = WebhookBodies.UPDATE_EXAMPLE)})) JsonNode body) {
        return webhooks.update(apiKey.get(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription")
    public Uni<Response> delete(@PathParam("id") String id) {
        return webhooks.delete(apiKey.get(), id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Send a test delivery (type webhook.test)")
    public Uni<Response> test(@PathParam("id") String id) {
        return webhooks.test(apiKey.get(), id).map(d -> Response.accepted(d).build());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log", description = "Newest first, with every attempt (status code, latency, error).")
    public Uni<PageView<WebhookService.DeliveryView>> deliveries(@PathParam("id") String id, @QueryParam("page") String page,
                                                                 @QueryParam("limit") String limit) {
        return webhooks.deliveries(apiKey.get(), id, PageRequest.of(page, limit));
    }
}
