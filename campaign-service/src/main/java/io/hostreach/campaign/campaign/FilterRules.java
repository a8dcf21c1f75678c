package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.Violations;
import io.hostreach.platform.portal.FilterSchemas;
import io.hostreach.platform.portal.FilterValidation;
import io.hostreach.platform.portal.Portal;
import io.hostreach.platform.portal.Violation;

import java.util.Set;

/**
 * A portal campaign's {@code segmentation.filters}, checked against that portal's JSON Schema (the one
 * {@code GET /platforms/{platform}/filters} publishes) at create and update. What a campaign needs to run
 * (operation, location) is checked only on → running, so a draft may be saved incomplete.
 */
final class FilterRules {

    private static final String PATH = "segmentation.filters";
    private static final FilterValidation SCHEMAS = new FilterValidation(new FilterSchemas());
    private static final Set<String> DEFERRED = Set.of(PATH + ".operation is required", PATH + ".location is required");

    private FilterRules() {
    }

    static void check(Platform platform, ObjectNode filters, Violations v) {
        Portal portal = Portal.fromId(platform.apiValue())
                .orElseThrow(() -> new IllegalArgumentException(platform.apiValue() + " is not a portal"));
        for (Violation violation : SCHEMAS.validate(portal, filters)) {
            if (!DEFERRED.contains(violation.message())) {
                v.add(violation.field(), violation.message());
            }
        }
    }

    /** What a portal campaign must have before it runs. */
    static void checkRunnable(JsonNode filters, Violations v) {
        if (filters == null || !filters.hasNonNull("operation")) {
            v.add(PATH + ".operation", PATH + ".operation is required to run a portal campaign (sale or rent)");
        }
        if (filters == null || !filters.hasNonNull("location")) {
            v.add(PATH + ".location", PATH + ".location is required to run a portal campaign "
                    + "(use GET /platforms/{platform}/locations)");
        }
    }
}
