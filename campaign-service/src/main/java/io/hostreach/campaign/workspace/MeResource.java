package io.hostreach.campaign.workspace;

import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** {@code GET /me}: who the key is. Any valid key may ask. */
@ApiScope("")
@Path(PublicApi.PREFIX + "/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity", description = "Who the key is; any valid key may ask")
public class MeResource {

    private final CurrentApiKey apiKey;

    public MeResource(CurrentApiKey apiKey) {
        this.apiKey = apiKey;
    }

    public record Me(UUID workspaceId, String workspaceName, String apiKeyName, String environment, List<String> scopes) {
    }

    @GET
    @NonBlocking
    @Operation(summary = "The workspace and key making the request")
    public Me me() {
        CurrentApiKey.AuthenticatedKey key = apiKey.get();
        return new Me(key.workspaceId(), key.workspaceName(), key.keyName(), key.environment().apiValue(), key.scopes());
    }
}
