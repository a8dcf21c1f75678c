package io.hostreach.campaign.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.hostreach.campaign.idempotency.Idempotency;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * {@code /compliance/lawful-basis}: the audited declaration a workspace makes before its live portal
 * campaigns may contact anyone (architecture: compliance guard rails).
 */
@ApiScope("compliance")
@Path(PublicApi.PREFIX + "/compliance/lawful-basis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance", description = "Scopes: compliance:read for GET, compliance:write otherwise")
public class LawfulBasisResource {

    private final LawfulBasisService service;
    private final CurrentApiKey apiKey;
    private final Idempotency idempotency;

    public LawfulBasisResource(LawfulBasisService service, CurrentApiKey apiKey, Idempotency idempotency) {
        this.service = service;
        this.apiKey = apiKey;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "Every attestation of this workspace and environment, newest (in force) first")
    public Uni<Map<String, List<LawfulBasisService.AttestationView>>> history() {
        return service.history(apiKey.get()).map(list -> Map.of("data", list));
    }

    @POST
    @Operation(summary = "Record the lawful basis the workspace relies on to contact portal advertisers",
            description = "Required before a live portal campaign in extract_and_contact mode first runs. "
                    + "Append-only: a new attestation supersedes the previous one, which stays in the history.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AttestationRequest.class), examples = @ExampleObject(name = "legitimate interest",
            value = "{\"basis\": \"legitimate_interest\", \"statement\": \"We contact private advertisers once about "
                    + "their own listing, honour every opt-out at once and keep no data after 90 days.\", "
                    + "\"attestedBy\": \"Ana García, DPO\"}")))
    public Uni<Response> attest(@HeaderParam(Idempotency.HEADER) String idempotencyKey, JsonNode body) {
        return idempotency.run(apiKey.get(), idempotencyKey, "POST /compliance/lawful-basis", body,
                () -> service.attest(apiKey.get(), body).map(a -> Response.status(201).entity(a).build()));
    }
}
