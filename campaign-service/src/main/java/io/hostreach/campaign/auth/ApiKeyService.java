package io.hostreach.campaign.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.workspace.Workspace;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Issues and revokes API keys. The full key exists only in the creation answer. */
@ApplicationScoped
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);
    private static final Set<String> FIELDS = Set.of("name", "environment", "scopes");

    private final ApiKeyRevocations revocations;

    public ApiKeyService(ApiKeyRevocations revocations) {
        this.revocations = revocations;
    }

    public record CreatedKey(UUID id, String key, String name, String environment, List<String> scopes,
                             Instant createdAt) {
    }

    @WithTransaction
    public Uni<CreatedKey> create(String rawWorkspaceId, JsonNode body) {
        UUID workspaceId = Ids.parse(rawWorkspaceId, "Workspace");
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", FIELDS, v);
        String name = JsonBody.text(json, "name", "", v);
        if (name == null || name.isBlank()) {
            if (!json.hasNonNull("name")) {
                v.add("name", "name is required");
            }
        } else if (name.trim().length() > 100) {
            v.add("name", "name must be at most 100 characters");
        }
        String env = JsonBody.oneOf(json, "environment", "", List.of("live", "test"), v);
        if (env == null && !json.hasNonNull("environment")) {
            v.add("environment", "environment is required (live or test)");
        }
        List<String> scopes = scopes(json, v);
        v.throwIfAny();
        return Workspace.<Workspace>findById(workspaceId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Workspace not found"))
                .chain(workspace -> {
                    Environment environment = Environment.fromApi(env);
                    String secret = ApiKeyFormat.newSecret();
                    ApiKey key = new ApiKey();
                    key.id = UUID.randomUUID();
                    key.workspaceId = workspace.id;
                    key.publicId = ApiKeyFormat.newPublicId();
                    key.secretHash = ApiKeyFormat.hash(secret);
                    key.name = name.trim();
                    key.environment = environment;
                    key.scopes = String.join(",", scopes);
                    key.createdAt = Instant.now();
                    return key.<ApiKey>persist().map(saved -> {
                        LOG.infof("API key %s (%s, public id %s) created for workspace %s", saved.id,
                                environment.apiValue(), saved.publicId, workspace.id);
                        return new CreatedKey(saved.id, ApiKeyFormat.format(environment, saved.publicId, secret),
                                saved.name, environment.apiValue(), scopes, saved.createdAt);
                    });
                });
    }

    @WithTransaction
    public Uni<Void> revoke(String rawWorkspaceId, String rawKeyId) {
        UUID workspaceId = Ids.parse(rawWorkspaceId, "Workspace");
        UUID keyId = Ids.parse(rawKeyId, "API key");
        return ApiKey.<ApiKey>find("id = ?1 and workspaceId = ?2", keyId, workspaceId).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("API key not found"))
                .invoke(key -> {
                    if (key.revokedAt == null) {
                        key.revokedAt = Instant.now();
                        LOG.infof("API key %s revoked", key.id);
                    }
                })
                .chain(key -> revocations.announce(key.id));
    }

    private static List<String> scopes(ObjectNode json, Violations v) {
        JsonNode node = JsonBody.present(json, "scopes");
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            v.add("scopes", "scopes must be an array of strings");
            return List.of();
        }
        Set<String> scopes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        node.forEach(item -> {
            if (item.isTextual() && Scopes.ALL.contains(item.asText())) {
                scopes.add(item.asText());
            } else {
                unknown.add(item.toString());
            }
        });
        if (!unknown.isEmpty()) {
            v.add("scopes", "scopes contains unknown values " + unknown + "; allowed: " + String.join(", ", Scopes.ALL));
        }
        return List.copyOf(scopes);
    }
}
