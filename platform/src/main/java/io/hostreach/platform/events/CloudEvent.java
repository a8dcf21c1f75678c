package io.hostreach.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope every hostreach topic carries.
 * {@code id} is the dedupe key consumers record; {@code subject} is the entity id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public static CloudEvent of(String id, String source, String type, String subject, Instant time, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, id, source, type, subject, time, "application/json",
                EventTypes.schemaOf(type), data);
    }
}
