package io.hostreach.outreach.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.testing.EventContract;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * What the outreach tests share: publishing campaign and lead events as the other services do, reading
 * this worker's outreach-events, and waiting on rows. Every test works on its own campaigns and numbers,
 * so tests never see each other's effects.
 */
public final class OutreachFixture {

    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CAMPAIGN_STATUS_CHANGED = "io.hostreach.campaign.status-changed";
    private static final String CAMPAIGN_UPDATED = "io.hostreach.campaign.updated";
    private static final String LEAD_CAPTURED = "io.hostreach.lead.captured";
    private static ConsumerTask<String, String> outreachEvents;

    public final KafkaCompanion kafka;
    public final Rows rows;
    private final String campaignTopic;
    private final String leadTopic;

    public OutreachFixture(KafkaCompanion kafka, Rows rows) {
        this.kafka = kafka;
        this.rows = rows;
        this.campaignTopic = config("hostreach.topics.campaign-events");
        this.leadTopic = config("hostreach.topics.lead-events");
        synchronized (OutreachFixture.class) {
            if (outreachEvents == null) {
                // One reader of outreach-events for the whole run, from the start of the topic.
                outreachEvents = kafka.consumeStrings()
                        .withGroupId("outreach-events-tap-" + UUID.randomUUID())
                        .withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(config("hostreach.topics.outreach-events"));
            }
        }
    }

    /** Publishes the campaign (status-changed) and waits until the worker holds this version. */
    public TestCampaign publish(TestCampaign campaign) {
        return publish(campaign, CAMPAIGN_STATUS_CHANGED);
    }

    /** Publishes a configuration change (campaign.updated: a hold stays). */
    public TestCampaign update(TestCampaign campaign) {
        campaign.version++;
        return publish(campaign, CAMPAIGN_UPDATED);
    }

    private TestCampaign publish(TestCampaign campaign, String type) {
        ObjectNode data = TestCampaign.JSON.createObjectNode();
        data.set("campaign", campaign.snapshot());
        if (CAMPAIGN_STATUS_CHANGED.equals(type)) {
            data.put("previousStatus", "draft");
        }
        send(campaignTopic, campaign.id, type, data);
        long version = campaign.version;
        await().atMost(WAIT).until(() -> rows.count("select count(*) from campaign where id = ? and version = ?",
                campaign.id, version) == 1);
        return campaign;
    }

    public TestLead capture(TestLead lead) {
        send(leadTopic, lead.campaign.id, LEAD_CAPTURED, lead.data());
        return lead;
    }

    /** Captures the lead and waits until the worker has processed the event (whatever it decided). */
    public TestLead captureAndAwaitProcessing(TestLead lead) {
        String eventId = send(leadTopic, lead.campaign.id, LEAD_CAPTURED, lead.data());
        await().atMost(WAIT).until(() -> rows.count("select count(*) from processed_event where event_id = ?", eventId) == 1);
        return lead;
    }

    /** Publishes a whole lead.captured CloudEvent as given (the contract's examples). */
    public void captureRaw(UUID campaignId, String cloudEvent) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(leadTopic, campaignId.toString(), cloudEvent))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    /** Waits until the lead's enrolment exists and answers its status. */
    public String awaitEnrolment(TestLead lead) {
        await().atMost(WAIT).until(() -> enrolmentStatus(lead) != null);
        return enrolmentStatus(lead);
    }

    public String enrolmentStatus(TestLead lead) {
        return rows.string("select status from enrolment where lead_id = ? and campaign_id = ?", lead.leadId, lead.campaign.id);
    }

    public String awaitEnrolmentStatus(TestLead lead, String status) {
        await().atMost(WAIT).until(() -> status.equals(enrolmentStatus(lead)));
        return status;
    }

    /** The lead's message of a step, or null. */
    public Map<String, Object> message(TestLead lead, int step) {
        return rows.row("select * from outreach_message where lead_id = ? and campaign_id = ? and step = ?",
                lead.leadId, lead.campaign.id, step);
    }

    public Map<String, Object> awaitMessageStatus(TestLead lead, int step, String status) {
        await().atMost(WAIT).until(() -> {
            Map<String, Object> m = message(lead, step);
            return m != null && status.equals(m.get("status"));
        });
        return message(lead, step);
    }

    /** outreach-events records of one type whose data matches. */
    public List<JsonNode> events(String type, Predicate<JsonNode> data) {
        return all().stream()
                .filter(e -> type.equals(e.path("type").asText()))
                .filter(e -> data.test(e.path("data")))
                .toList();
    }

    public List<JsonNode> eventsOfLead(String type, TestLead lead) {
        return events(type, d -> lead.leadId.toString().equals(d.path("leadId").asText()));
    }

    public JsonNode awaitEvent(String type, Predicate<JsonNode> data) {
        await().atMost(WAIT).until(() -> !events(type, data).isEmpty());
        return events(type, data).get(0);
    }

    public JsonNode awaitEventOfLead(String type, TestLead lead) {
        return awaitEvent(type, d -> lead.leadId.toString().equals(d.path("leadId").asText()));
    }

    /** Every way an outreach event read so far breaks docs/asyncapi.yaml (producers test what they emit). */
    public List<String> contractViolations() {
        EventContract contract = EventContract.load();
        return outreachEvents.getRecords().stream().map(ConsumerRecord::value)
                .flatMap(json -> contract.violations(json).stream().map(v -> v + " in " + json))
                .toList();
    }

    private List<JsonNode> all() {
        return outreachEvents.getRecords().stream().map(ConsumerRecord::value).map(OutreachFixture::parse).toList();
    }

    private String send(String topic, UUID key, String type, ObjectNode data) {
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = TestCampaign.JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", type.startsWith("io.hostreach.lead") ? "/hostreach/extraction-worker" : "/hostreach/campaign-service");
        event.put("type", type);
        event.put("subject", key.toString());
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "https://hostreach.io/schemas/events/" + type.substring("io.hostreach.".length()) + ".json");
        event.set("data", data);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), event.toString());
        record.headers().add("event-id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
        return eventId;
    }

    private static JsonNode parse(String json) {
        try {
            return TestCampaign.JSON.readTree(json);
        } catch (Exception e) {
            return TestCampaign.JSON.createObjectNode();
        }
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
