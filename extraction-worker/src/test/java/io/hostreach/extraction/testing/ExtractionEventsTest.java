package io.hostreach.extraction.testing;

import io.agroal.api.AgroalDataSource;
import io.hostreach.testing.InjectKafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every test that drives runs through the topics shares: an {@link Extractions} on this run's topics,
 * and, after each test, every event the worker emitted checked against the published contract.
 */
public abstract class ExtractionEventsTest {

    @InjectKafka
    protected KafkaCompanion kafka;

    @Inject
    protected AgroalDataSource dataSource;

    @ConfigProperty(name = "hostreach.topics.campaign-events")
    protected String campaignTopic;

    @ConfigProperty(name = "hostreach.topics.lead-events")
    protected String leadTopic;

    @ConfigProperty(name = "hostreach.topics.extraction-events")
    protected String extractionTopic;

    protected Extractions extractions;

    @BeforeEach
    void openExtractions() {
        extractions = new Extractions(kafka, campaignTopic, leadTopic, extractionTopic, dataSource);
    }

    @AfterEach
    void checkEmittedEventsAgainstTheContract() {
        try {
            assertEquals(List.of(), extractions.contractViolations(), "events that break docs/asyncapi.yaml");
        } finally {
            extractions.close();
        }
    }
}
