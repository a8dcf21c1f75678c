package io.hostreach.campaign.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.extraction.ExtractionProgress;
import io.hostreach.campaign.lead.LeadCaptured;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.CloudEventCodec;
import io.hostreach.testing.EventContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** campaign-service as a consumer: it accepts the contract's examples of what it consumes. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final CloudEventCodec codec = new CloudEventCodec(JSON);
    private final EventContract contract = EventContract.load();

    @Test
    void leadCapturedExamplesParse() {
        List<String> examples = contract.examples("io.hostreach.lead.captured");
        assertFalse(examples.isEmpty());
        for (String example : examples) {
            assertEquals(List.of(), contract.violations(example));
            CloudEvent event = codec.read(example);
            LeadCaptured lead = LeadCaptured.from(event.data());
            if ("csv".equals(lead.source())) {
                // A CSV import's lead: no listing, the file's other columns as attributes.
                assertEquals("+34623456789", lead.phone());
                assertEquals(null, lead.listingId());
                assertEquals("Gràcia", lead.attributes().path("barrio").asText());
                continue;
            }
            assertEquals("+34612345678", lead.phone());
            assertEquals("idealista", lead.portal());
            assertEquals("108765432", lead.listingId());
        }
    }

    @Test
    void extractionExamplesParse() {
        for (String type : List.of("io.hostreach.extraction.started", "io.hostreach.extraction.completed",
                "io.hostreach.extraction.failed")) {
            for (String example : contract.examples(type)) {
                assertEquals(List.of(), contract.violations(example), type);
                ExtractionProgress progress = ExtractionProgress.from(codec.read(example).data());
                assertEquals("idealista", progress.platform());
            }
        }
    }

    @Test
    void everyExampleOfTheContractConformsToItsOwnSchema() {
        for (String type : List.of("io.hostreach.campaign.status-changed", "io.hostreach.campaign.updated",
                "io.hostreach.campaign.execution-requested", "io.hostreach.message.sent", "io.hostreach.message.failed",
                "io.hostreach.lead.replied", "io.hostreach.lead.opted-out", "io.hostreach.task.created",
                "io.hostreach.campaign.drained")) {
            for (String example : contract.examples(type)) {
                assertEquals(List.of(), contract.violations(example), type);
            }
        }
    }

    @Test
    void theValidatorCatchesABrokenEvent() throws Exception {
        String example = contract.examples("io.hostreach.campaign.status-changed").get(0);
        ObjectNode broken = (ObjectNode) JSON.readTree(example);
        ((ObjectNode) broken.path("data").path("campaign")).remove("version");
        ((ObjectNode) broken.path("data").path("campaign")).put("status", "archived");
        assertEquals(2, contract.violations(broken.toString()).size(), contract.violations(broken.toString()).toString());
    }
}
