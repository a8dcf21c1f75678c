package io.hostreach.extraction.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.campaign.CampaignEvent;
import io.hostreach.extraction.run.RunTrigger;
import io.hostreach.platform.events.CloudEventCodec;
import io.hostreach.testing.EventContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * extraction-worker as a consumer: every example docs/asyncapi.yaml gives of the campaign events it reads is
 * understood, so a change of the published contract that would break this worker fails here first.
 */
class ConsumedEventsContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final CloudEventCodec codec = new CloudEventCodec(JSON);
    private final EventContract contract = EventContract.load();

    @Test
    void everyCampaignEventExampleIsReadWithItsWholeSnapshot() {
        for (String type : List.of("io.hostreach.campaign.status-changed", "io.hostreach.campaign.updated",
                "io.hostreach.campaign.execution-requested")) {
            List<String> examples = contract.examples(type);
            assertFalse(examples.isEmpty(), type);
            for (String example : examples) {
                CampaignEvent event = CampaignEvent.from(codec.read(example), JSON).orElseThrow();
                assertEquals(type, event.type());
                assertNotNull(event.campaign().id(), type);
                assertNotNull(event.campaign().workspaceId(), type);
                assertNotNull(event.campaign().version(), type);
                assertNotNull(event.campaign().updatedAt(), type);
                assertTrue(event.campaign().segmentation().isObject(), type);
            }
        }
    }

    @Test
    void theRunRequestsOfTheExamplesCarryTheirExtractionAndTrigger() {
        CampaignEvent execute = CampaignEvent.from(codec.read(
                contract.examples("io.hostreach.campaign.execution-requested").get(0)), JSON).orElseThrow();
        assertTrue(execute.requestsExtraction());
        assertEquals(RunTrigger.EXECUTE, execute.trigger());
        assertEquals("8a3c2f10-4e5d-4b6a-9c7d-2e1f0a9b8c7d", execute.extractionId().toString());

        CampaignEvent start = CampaignEvent.from(codec.read(
                contract.examples("io.hostreach.campaign.status-changed").get(0)), JSON).orElseThrow();
        assertEquals("running", start.campaign().status());
        assertEquals(RunTrigger.START, start.trigger());
        assertEquals("c39023e2-424c-49b7-8f0f-ae64f474a890", start.extractionId().toString());
    }
}
