package io.hostreach.campaign.account;

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

/** {@code /accounts}: the WhatsApp numbers a workspace sends from. */
@ApiScope("accounts")
@Path(PublicApi.PREFIX + "/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Scopes: accounts:read for GET, accounts:write otherwise. Tokens and API keys are "
        + "stored encrypted and never returned.")
public class AccountResource {

    private final AccountService accounts;
    private final CurrentApiKey apiKey;
    private final Idempotency idempotency;

    public AccountResource(AccountService accounts, CurrentApiKey apiKey, Idempotency idempotency) {
        this.accounts = accounts;
        this.apiKey = apiKey;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Connect a WhatsApp account", description = "{type: whatsapp, whatsAppBusinessAccountId, phoneNumberId, "
            + "token, phone} or {type: whatsapp-no-api, phone, evolutionInstanceId?, evolutionApiUrl?, evolutionApiKey?}")
    public Uni<Response> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountBodies.Create.class), examples = {@ExampleObject(name = "cloudApi", value = AccountBodies.CLOUD_API_EXAMPLE), @ExampleObject(name = "manual", value = AccountBodies.MANUAL_EXAMPLE)})) JsonNode body) {
        return idempotency.run(apiKey.get(), idempotencyKey, "POST /accounts", body,
                () -> accounts.create(apiKey.get(), body).map(view -> Response.status(201).entity(view).build()));
    }

    @GET
    @Operation(summary = "List accounts")
    public Uni<PageView<AccountService.AccountView>> list(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        return accounts.list(apiKey.get(), PageRequest.of(page, limit));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Disconnect an account")
    public Uni<Response> delete(@PathParam("id") String id) {
        return accounts.delete(apiKey.get(), id).replaceWith(Response.noContent().build());
    }
}
