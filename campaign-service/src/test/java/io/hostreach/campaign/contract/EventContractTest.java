package io.hostreach.campaign.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.extraction.ExtractionProgress;
import io.hostreach.campaign.lead.LeadCaptured;
import io.hostreach.campaign.template.TemplateStatusProjection.StatusChange;
import io.hostreach.campaign.messaging.OutreachReport;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.CloudEventCodec;
import io.hostreach.testing.EventContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
            if ("widget".equals(lead.source())) {
                // campaign-service's own announcement of a widget lead: no listing, the consent travels along.
                assertEquals(null, lead.listingId());
                assertEquals("/hostreach/campaign-service", event.source());
                assertFalse(event.data().path("consent").path("text").asText().isBlank());
            } else {
                assertEquals("idealista", lead.portal());
                assertEquals("108765432", lead.listingId());
            }
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
    void templateStatusChangedExamplesParse() {
        List<String> examples = contract.examples("io.hostreach.template.status-changed");
        assertEquals(2, examples.size());
        List<String> statuses = new java.util.ArrayList<>();
        for (String example : examples) {
            assertEquals(List.of(), contract.violations(example));
            CloudEvent event = codec.read(example);
            StatusChange change = StatusChange.from(event.data());
            assertEquals(event.subject(), change.metaTemplateId());
            assertEquals("102290129340398", change.wabaId());
            assertEquals("es_ES", change.language());
            statuses.add(change.status() + ":" + change.reason());
        }
        assertEquals(List.of("APPROVED:NONE", "REJECTED:INVALID_FORMAT"), statuses);
    }

    @Test
    void everyOutreachEventExampleIsReadAndTheOnesItActsOnCarryWhatTheProjectionNeeds() {
        for (String type : List.of("io.hostreach.message.sent", "io.hostreach.message.delivered",
                "io.hostreach.message.read", "io.hostreach.message.failed", "io.hostreach.lead.replied",
                "io.hostreach.lead.opted-out", "io.hostreach.task.created", "io.hostreach.campaign.drained")) {
            for (String example : contract.examples(type)) {
                CloudEvent event = codec.read(example);
                OutreachReport report = OutreachReport.from(event.data());
                assertNotNull(report.campaignId(), type);
                assertNotNull(report.workspaceId(), type);
                if (type.contains(".message.") || type.contains(".lead.")) {
                    assertNotNull(report.leadId(), type);
                    assertNotNull(report.at(), type);
                }
                if (type.contains(".message.")) {
                    assertNotNull(report.messageId(), type);
                    assertNotNull(report.status(), type);
                }
            }
        }
        assertFalse(contract.examples("io.hostreach.task.created").isEmpty());
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
