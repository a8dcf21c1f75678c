package io.hostreach.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes the structured-mode JSON of a {@link CloudEvent}. */
@ApplicationScoped
public class CloudEventCodec {

    private final ObjectMapper mapper;

    public CloudEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    /**
     * Parses and checks the envelope. A record that is not a valid CloudEvent can never be processed:
     * it is a poison message and goes to the dead-letter topic.
     */
    public CloudEvent read(String json) {
        CloudEvent event;
        try {
            event = mapper.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("not a CloudEvents JSON document: " + originalMessage(e), e);
        }
        if (event == null || blank(event.id()) || blank(event.type()) || blank(event.source())
                || !CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new PoisonEventException("CloudEvent without specversion 1.0, id, source or type");
        }
        if (event.data() == null || !event.data().isObject()) {
            throw new PoisonEventException("CloudEvent " + event.id() + " has no data object");
        }
        return event;
    }

    private static String originalMessage(Exception e) {
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
