package io.hostreach.campaign.internal;

import io.hostreach.campaign.account.WhatsAppAccount;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.crypto.SecretBox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * {@code GET /internal/v1/accounts/{id}}: the credentials outreach-worker sends with. The only place a token
 * leaves sealed storage; never logged.
 */
@InternalApi
@Path("/internal/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class InternalAccountResource {

    private final SecretBox secrets;

    public InternalAccountResource(SecretBox secrets) {
        this.secrets = secrets;
    }

    public record Credentials(UUID id, UUID workspaceId, String environment, String type, String phone,
                              String phoneNumberId, String wabaId, String accessToken, String evolutionApiUrl,
                              String evolutionInstanceId, String evolutionApiKey, int dailyLimit) {
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(hidden = true)
    public Uni<Credentials> credentials(@PathParam("id") String rawId) {
        UUID id = Ids.parse(rawId, "Account");
        return WhatsAppAccount.<WhatsAppAccount>findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Account not found"))
                .map(a -> new Credentials(a.id, a.workspaceId, a.environment, a.type, a.phone, a.phoneNumberId, a.wabaId,
                        a.tokenSealed == null ? null : secrets.open(a.tokenSealed), a.evolutionApiUrl,
                        a.evolutionInstanceId, a.evolutionApiKeySealed == null ? null : secrets.open(a.evolutionApiKeySealed),
                        a.dailyLimit));
    }
}
