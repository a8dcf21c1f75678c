package io.hostreach.outreach.campaign;

import io.agroal.api.AgroalDataSource;
import io.hostreach.testing.InjectKafka;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.testing.KafkaTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class CampaignEventsConsumerTest {

    /** A status change must reach the worker in well under this (target P2 is 100 ms p99). */
    private static final Duration FAST = Duration.ofSeconds(5);
    private static boolean consumerReady;

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.campaign-events")
    String topic;

    @ConfigProperty(name = "mp.messaging.incoming.campaign-events-in.dead-letter-queue.topic")
    String deadLetterTopic;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    private CampaignEvents events;
    private Rows rows;

    @BeforeEach
    void setUp() {
        events = new CampaignEvents(topic);
        rows = new Rows(dataSource);
        if (!consumerReady) {
            // The first poll waits for the group to form and the partitions to be assigned; only the
            // first test pays for it, so the timings below measure event handling alone.
            UUID warmUp = UUID.randomUUID();
            send(events.statusChanged(CampaignEvents.newEventId(), warmUp, "draft", 1));
            await().atMost(Duration.ofSeconds(60)).until(() -> versionOf(warmUp) == 1);
            consumerReady = true;
        }
    }

    @Test
    void statusChangesReachTheProjectionWithinSeconds() {
        UUID campaign = UUID.randomUUID();

        send(events.statusChanged(CampaignEvents.newEventId(), campaign, "running", 2));
        awaitVersion(campaign, 2);
        given().get("/internal/v1/campaigns/{id}", campaign).then()
                .statusCode(200)
                .body("status", is("running"))
                .body("platform", is("idealista"))
                .body("segmentation.filters.location.id", is("0-EU-ES-VC-46"))
                .body("settings.scheduledHours", is("9,14:30"));

        send(events.statusChanged(CampaignEvents.newEventId(), campaign, "paused", 3));
        JsonPath paused = awaitVersion(campaign, 3);
        assertEquals("paused", paused.getString("status"));
    }

    @Test
    void anEventDeliveredTwiceHasOneEffect() {
        UUID campaign = UUID.randomUUID();
        String eventId = CampaignEvents.newEventId();
        double duplicatesBefore = consumed("campaign.status-changed", "duplicate");

        send(events.statusChanged(eventId, campaign, "running", 4),
                events.statusChanged(eventId, campaign, "running", 4),
                // Same key, same partition: once this one is applied, both deliveries above were handled.
                // (Every campaign event carries the campaign, so execution-requested refreshes it too.)
                events.executionRequested(CampaignEvents.newEventId(), campaign, UUID.randomUUID(), 5));
        awaitVersion(campaign, 5);

        assertEquals(1, rows.count("select count(*) from processed_event where event_id = ?", eventId));
        // The second delivery was recognised by the inbox, not merely absorbed by the version check.
        assertEquals(1.0, consumed("campaign.status-changed", "duplicate") - duplicatesBefore);
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsIgnored() {
        UUID campaign = UUID.randomUUID();
        send(events.statusChanged(CampaignEvents.newEventId(), campaign, "running", 7));
        awaitVersion(campaign, 7);

        String older = CampaignEvents.newEventId();
        send(events.statusChanged(older, campaign, "paused", 6));
        await().atMost(FAST).until(() -> rows.count("select count(*) from processed_event where event_id = ?", older) == 1);

        JsonPath stored = projection(campaign);
        assertEquals("running", stored.getString("status"));
        assertEquals(7, stored.getLong("version"));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
        UUID campaign = UUID.randomUUID();
        String notJson = "campaign " + campaign + " is running";
        String withoutId = """
                {"specversion":"1.0","source":"/hostreach/campaign-service","type":"io.hostreach.campaign.status-changed",
                 "subject":"%s","data":{}}""".formatted(campaign);
        ProducerRecord<String, String> withoutVersion = events.withoutVersion(CampaignEvents.newEventId(), campaign);

        send(events.raw(campaign, notJson), events.raw(campaign, withoutId), withoutVersion,
                events.statusChanged(CampaignEvents.newEventId(), campaign, "running", 2));

        List<ConsumerRecord<String, String>> records = deadLetters(campaign, 3);
        assertThat(records.stream().map(ConsumerRecord::value).toList(),
                containsInAnyOrder(notJson, withoutId, withoutVersion.value()));
        for (ConsumerRecord<String, String> record : records) {
            Header reason = record.headers().lastHeader("dead-letter-reason");
            assertThat(reason, notNullValue());
            assertThat(new String(reason.value(), StandardCharsets.UTF_8), not(blankOrNullString()));
        }
        JsonPath next = awaitVersion(campaign, 2);
        assertEquals("running", next.getString("status"));
    }

    @Test
    void aDatabaseFailureIsRetriedThenDeadLetteredAndThePartitionMovesOn() {
        UUID campaign = UUID.randomUUID();
        String eventId = CampaignEvents.newEventId();
        double retriesBefore = consumerRetries();

        // The table disappears for as long as the consumer retries: every attempt fails in the database.
        rows.execute("alter table campaign rename to campaign_unavailable");
        List<ConsumerRecord<String, String>> dead;
        try {
            send(events.statusChanged(eventId, campaign, "running", 1));
            dead = deadLetters(campaign, 1);
        } finally {
            rows.execute("alter table campaign_unavailable rename to campaign");
        }
        assertThat(dead.get(0).value(), containsString(eventId));
        assertEquals(3.0, consumerRetries() - retriesBefore, "retries before the dead-letter topic");
        // The failed attempt left nothing behind: the inbox record rolled back with the effect.
        assertEquals(0, rows.count("select count(*) from processed_event where event_id = ?", eventId));

        send(events.statusChanged(CampaignEvents.newEventId(), campaign, "running", 2));
        awaitVersion(campaign, 2);
    }

    @SafeVarargs
    private void send(ProducerRecord<String, String>... records) {
        kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(10));
    }

    /** The worker's projection, or null while it does not know the campaign (polled quietly). */
    private static JsonPath projection(UUID id) {
        Response response = given().get("/internal/v1/campaigns/{id}", id);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    /** Waits (briefly) until the worker's projection of the campaign is at this version, and returns it. */
    private static JsonPath awaitVersion(UUID id, long version) {
        await().atMost(FAST).untilAsserted(() -> assertEquals(version, versionOf(id), "version of campaign " + id));
        return projection(id);
    }

    private static long versionOf(UUID id) {
        JsonPath projection = projection(id);
        return projection == null ? -1 : projection.getLong("version");
    }

    /** The dead-letter records of one campaign (tests share the topic; the key tells theirs apart). */
    private List<ConsumerRecord<String, String>> deadLetters(UUID campaign, int expected) {
        try (ConsumerTask<String, String> task = kafka.consumeStrings()
                .withGroupId("dlq-check-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(deadLetterTopic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ofCampaign(task, campaign).size() >= expected);
            return ofCampaign(task, campaign);
        }
    }

    private static List<ConsumerRecord<String, String>> ofCampaign(ConsumerTask<String, String> task, UUID campaign) {
        return task.getRecords().stream().filter(r -> campaign.toString().equals(r.key())).toList();
    }

    /** Retries of the consumer method so far, from SmallRye Fault Tolerance's own metrics. */
    private double consumerRetries() {
        return registry.find("ft.retry.retries.total").counters().stream()
                .filter(c -> String.valueOf(c.getId().getTag("method")).contains("CampaignEventsConsumer"))
                .mapToDouble(Counter::count).sum();
    }

    private double consumed(String type, String outcome) {
        Counter counter = registry.find("hostreach.events.consumed").tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
