package io.hostreach.extraction.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.campaign.CampaignEvents;
import io.hostreach.extraction.campaign.Rows;
import io.hostreach.testing.EventContract;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Drives the worker as campaign-service does (campaign events on the campaign-events topic) and reads what it
 * publishes (lead and extraction events) and stores (its runs), for the extraction tests.
 */
public final class Extractions implements AutoCloseable {

    public static final String COMPLETED = "io.hostreach.extraction.completed";
    public static final String FAILED = "io.hostreach.extraction.failed";
    public static final String STARTED = "io.hostreach.extraction.started";
    public static final String LEAD_CAPTURED = "io.hostreach.lead.captured";
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaCompanion kafka;
    private final CampaignEvents events;
    public final Rows rows;
    public final EventLog leadEvents;
    public final EventLog extractionEvents;

    public Extractions(KafkaCompanion kafka, String campaignTopic, String leadTopic, String extractionTopic,
                       DataSource dataSource) {
        this.kafka = kafka;
        this.events = new CampaignEvents(campaignTopic);
        this.rows = new Rows(dataSource);
        this.leadEvents = new EventLog(kafka, leadTopic);
        this.extractionEvents = new EventLog(kafka, extractionTopic);
    }

    @SafeVarargs
    public final void send(ProducerRecord<String, String>... records) {
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(10));
    }

    /** The campaign goes running, and campaign-service queued its first run (a campaign without schedule). */
    public UUID start(TestCampaign campaign) {
        UUID extractionId = UUID.randomUUID();
        send(events.statusChanged(CampaignEvents.newEventId(), campaign.snapshot("running"), "draft", extractionId));
        return extractionId;
    }

    /** {@code POST /campaigns/{id}/execute}. */
    public UUID execute(TestCampaign campaign) {
        UUID extractionId = UUID.randomUUID();
        send(events.executionRequested(CampaignEvents.newEventId(), campaign.snapshot("running"), extractionId));
        return extractionId;
    }

    /** A status change without a run (pause, resume, completion, or the start of a scheduled campaign). */
    public void status(TestCampaign campaign, String status, String previous) {
        send(events.statusChanged(CampaignEvents.newEventId(), campaign.snapshot(status), previous, null));
    }

    /** Waits for the run's final event (completed or failed) and returns its data. */
    public JsonNode awaitFinished(TestCampaign campaign, UUID extractionId) {
        return await().atMost(PATIENCE).until(() -> finished(campaign.id, extractionId), e -> e != null).path("data");
    }

    private JsonNode finished(UUID campaignId, UUID extractionId) {
        return extractionEvents.of(campaignId).stream()
                .filter(e -> extractionId.toString().equals(e.path("subject").asText()))
                .filter(e -> COMPLETED.equals(e.path("type").asText()) || FAILED.equals(e.path("type").asText()))
                .findFirst().orElse(null);
    }

    /** The data of the lead.captured events of this campaign published so far. */
    public List<JsonNode> leads(UUID campaignId) {
        return leadEvents.of(campaignId, LEAD_CAPTURED).stream().map(e -> e.path("data")).toList();
    }

    /** The lead.captured data of this campaign, once all {@code expected} have arrived (the outbox says how many). */
    public List<JsonNode> awaitLeads(UUID campaignId, int expected) {
        await().atMost(PATIENCE).until(() -> leads(campaignId).stream().map(l -> l.path("leadId").asText())
                .distinct().count() >= expected);
        return leads(campaignId);
    }

    /** Lead events of the campaign written to the outbox (published or not): the exact count. */
    public long leadsInOutbox(UUID campaignId) {
        return rows.count("select count(*) from outbox_event where message_key = ? and event_type = ?",
                campaignId.toString(), LEAD_CAPTURED);
    }

    /**
     * Every way a lead or extraction event read so far breaks docs/asyncapi.yaml: the worker is the producer
     * of both, and its tests check what it really emits, not a hand-made sample.
     */
    public List<String> contractViolations() {
        EventContract contract = EventContract.load();
        return Stream.concat(leadEvents.raw().stream(), extractionEvents.raw().stream())
                .flatMap(json -> contract.violations(json).stream().map(v -> v + " in " + json))
                .toList();
    }

    /** The types of the lead and extraction events read so far (to show the contract check was not vacuous). */
    public Set<String> typesSeen() {
        return Stream.concat(leadEvents.all().stream(), extractionEvents.all().stream())
                .map(e -> e.path("type").asText()).collect(Collectors.toSet());
    }

    public Map<String, Object> run(UUID extractionId) {
        return rows.row("select * from extraction_run where extraction_id = ?", extractionId);
    }

    public String runStatus(UUID extractionId) {
        Object status = run(extractionId).get("status");
        return status == null ? null : status.toString();
    }

    @Override
    public void close() {
        leadEvents.close();
        extractionEvents.close();
    }
}
