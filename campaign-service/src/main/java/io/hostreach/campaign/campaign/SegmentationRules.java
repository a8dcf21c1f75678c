package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.Violations;

import java.util.Set;

/**
 * {@code segmentation} per platform: portals {filters, expectedResults 1–5000 (default 50)}, csv_import
 * {batchSize 1–25}, widget nothing.
 */
final class SegmentationRules {

    private static final String PATH = "segmentation";

    private SegmentationRules() {
    }

    /** The normalised segmentation to store; violations recorded in {@code v}. */
    static ObjectNode normalise(Platform platform, JsonNode segmentation, Violations v) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (segmentation != null && !segmentation.isNull() && !segmentation.isObject()) {
            v.add(PATH, PATH + " must be an object");
            return out;
        }
        ObjectNode in = segmentation == null || segmentation.isNull() ? out.deepCopy() : (ObjectNode) segmentation;
        if (platform.isPortal()) {
            JsonBody.allowOnly(in, PATH, Set.of("filters", "expectedResults"), v);
            ObjectNode filters = JsonBody.object(in, "filters", PATH, v);
            if (filters != null) {
                FilterRules.check(platform, filters, v);
                out.set("filters", filters);
            } else {
                out.set("filters", JsonNodeFactory.instance.objectNode());
            }
            Integer expected = JsonBody.integerBetween(in, "expectedResults", PATH, 1, 5000, v);
            out.put("expectedResults", expected == null ? CampaignDefaults.DEFAULT_EXPECTED_RESULTS : expected);
        } else if (platform == Platform.CSV_IMPORT) {
            JsonBody.allowOnly(in, PATH, Set.of("batchSize"), v);
            Integer batchSize = JsonBody.integerBetween(in, "batchSize", PATH, 1, 25, v);
            if (batchSize != null) {
                out.put("batchSize", batchSize);
            }
        } else if (!in.isEmpty()) {
            v.add(PATH, PATH + " must be empty for widget campaigns");
        }
        return out;
    }
}
