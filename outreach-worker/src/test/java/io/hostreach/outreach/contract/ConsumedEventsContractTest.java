package io.hostreach.outreach.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.CampaignEvent;
import io.hostreach.outreach.lead.LeadCaptured;
import io.hostreach.platform.events.CloudEventCodec;
import io.hostreach.testing.EventContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * outreach-worker as a consumer: every example docs/asyncapi.yaml gives of the campaign and lead events it
 * reads is understood, so a change of the published contract that would break this worker fails here first.
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
                assertNotNull(event.campaign().version(), type);
                assertNotNull(event.campaign().mode(), type);
                assertTrue(event.campaign().settings() == null || event.campaign().settings().isObject(), type);
            }
        }
    }

    @Test
    void everyLeadCapturedExampleIsReadWithItsPhone() {
        List<String> examples = contract.examples("io.hostreach.lead.captured");
        assertFalse(examples.isEmpty());
        int portal = 0;
        for (String example : examples) {
            var event = codec.read(example);
            LeadCaptured lead = LeadCaptured.from(event, JSON).orElseThrow().lead();
            assertTrue(lead.phone().matches("\\+[1-9][0-9]{7,14}"), lead.phone());
            assertNotNull(lead.leadId());
            assertNotNull(lead.campaignId());
            // Portal leads carry their listing and advertiser; CSV and widget leads are people who are not on a portal.
            boolean fromPortal = "portal".equals(event.data().path("source").asText());
            assertEquals(fromPortal, lead.fromPortal(), example);
            if (fromPortal) {
                portal++;
                assertEquals("private", lead.advertiserType());
                assertEquals("idealista", lead.listing().path("portal").asText());
            }
        }
        assertTrue(portal > 0, "the contract keeps a portal example");
    }
}
