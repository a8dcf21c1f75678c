package io.hostreach.extraction.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * What the worker published on one topic (this JVM's per-run topic), read from the beginning by a consumer of
 * its own; tests pick their campaign's records by key.
 */
public final class EventLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConsumerTask<String, String> task;

    public EventLog(KafkaCompanion kafka, String topic) {
        this.task = kafka.consumeStrings().withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST).fromTopics(topic);
    }

    /** Every CloudEvent read so far, of every campaign. */
    public List<JsonNode> all() {
        return task.getRecords().stream().map(ConsumerRecord::value).map(EventLog::parse).toList();
    }

    /** The CloudEvents keyed by this campaign, in order. */
    public List<JsonNode> of(UUID campaignId) {
        return task.getRecords().stream().filter(r -> campaignId.toString().equals(r.key()))
                .map(ConsumerRecord::value).map(EventLog::parse).toList();
    }

    /** The events of this campaign of this type. */
    public List<JsonNode> of(UUID campaignId, String type) {
        return of(campaignId).stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    /** Every record read so far, of every campaign, as published. */
    public List<String> raw() {
        return task.getRecords().stream().map(ConsumerRecord::value).toList();
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        task.close();
    }
}
