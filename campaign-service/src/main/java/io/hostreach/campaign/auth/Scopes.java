package io.hostreach.campaign.auth;

import java.util.List;

/** The scopes a key may hold. A GET needs {@code <resource>:read}, anything else {@code <resource>:write}. */
public final class Scopes {

    public static final List<String> ALL = List.of(
            "campaigns:read", "campaigns:write", "leads:read", "leads:write",
            "extractions:read", "extractions:write", "platforms:read",
            "messaging:read", "messaging:write", "templates:read", "templates:write",
            "accounts:read", "accounts:write", "webhooks:read", "webhooks:write",
            "compliance:read", "compliance:write");

    private Scopes() {
    }

    public static String required(String resource, String httpMethod) {
        boolean read = "GET".equals(httpMethod) || "HEAD".equals(httpMethod);
        return resource + (read ? ":read" : ":write");
    }
}
