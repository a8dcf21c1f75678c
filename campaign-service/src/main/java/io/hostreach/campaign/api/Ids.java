package io.hostreach.campaign.api;

import java.util.UUID;

/** Path ids: anything that is not a UUID cannot name a resource, so it is a 404, not a 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String raw, String what) {
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException | NullPointerException ignored) {
            // answered below
        }
        throw ApiException.notFound(what + " not found");
    }
}
