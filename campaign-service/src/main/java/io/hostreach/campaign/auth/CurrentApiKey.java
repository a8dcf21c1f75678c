package io.hostreach.campaign.auth;

import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.UUID;

/** The authenticated key of the current request; every data access is fenced by its workspace and environment. */
@RequestScoped
public class CurrentApiKey {

    private AuthenticatedKey key;

    void set(AuthenticatedKey key) {
        this.key = key;
    }

    public AuthenticatedKey get() {
        if (key == null) {
            throw new IllegalStateException("no authenticated API key in this request");
        }
        return key;
    }

    public UUID workspaceId() {
        return get().workspaceId();
    }

    public Environment environment() {
        return get().environment();
    }

    /** What the filter learnt about the key. */
    public record AuthenticatedKey(UUID keyId, UUID workspaceId, String workspaceName, String keyName,
                                   Environment environment, List<String> scopes) {
        public boolean allows(String scope) {
            return scopes.isEmpty() || scopes.contains(scope);
        }
    }
}
