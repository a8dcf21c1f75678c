package io.hostreach.campaign.auth;

import io.hostreach.campaign.workspace.Workspace;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Turns the presented key into its workspace, environment and scopes, or nothing; from memory when it can. */
@ApplicationScoped
public class ApiKeyAuthenticator {

    private final AuthenticatedKeyCache cache;

    public ApiKeyAuthenticator(AuthenticatedKeyCache cache) {
        this.cache = cache;
    }

    public Uni<Optional<CurrentApiKey.AuthenticatedKey>> authenticate(String presented) {
        Optional<ApiKeyFormat.Parsed> parsed = ApiKeyFormat.parse(presented);
        if (parsed.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        Optional<CurrentApiKey.AuthenticatedKey> remembered = cache.get(presented);
        if (remembered.isPresent()) {
            return Uni.createFrom().item(remembered);
        }
        long generation = cache.generation();
        ApiKeyFormat.Parsed key = parsed.get();
        return Panache.withSession(() -> ApiKey.<ApiKey>find("publicId", key.publicId()).firstResult()
                .chain(found -> {
                    if (found == null || found.revokedAt != null || found.environment != key.environment()
                            || !ApiKeyFormat.matches(key.secret(), found.secretHash)) {
                        return Uni.createFrom().item(Optional.<CurrentApiKey.AuthenticatedKey>empty());
                    }
                    return Workspace.<Workspace>findById(found.workspaceId).map(workspace -> Optional.of(
                            new CurrentApiKey.AuthenticatedKey(found.id, found.workspaceId, workspace.name,
                                    found.name, found.environment, scopes(found.scopes))));
                })).invoke(found -> found.ifPresent(authenticated -> cache.put(presented, authenticated, generation)));
    }

    static List<String> scopes(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
