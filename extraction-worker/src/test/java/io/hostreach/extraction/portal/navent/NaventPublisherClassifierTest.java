package io.hostreach.extraction.portal.navent;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.portal.AdvertiserType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NaventPublisherClassifierTest {

    private static JsonNode aviso(String publisher) {
        String script = "{'idAviso': '1', 'publisher': " + publisher + "}";
        return JsObjectLiteralParser.parse(script, 0);
    }

    @Test
    void publisherTypeOneIsAnOwner() {
        assertEquals(AdvertiserType.PRIVATE, NaventPublisherClassifier.classify(
                aviso("{'publisherId': '9', 'name': 'Ana', 'publisherTypeId': '1'}"), null));
    }

    @Test
    void anyOtherPublisherTypeIsProfessional() {
        assertEquals(AdvertiserType.PROFESSIONAL, NaventPublisherClassifier.classify(
                aviso("{'publisherId': '9', 'name': 'Obra Nueva SA', 'publisherTypeId': '3'}"), null));
    }

    @Test
    void anAgencyMicrositeOutweighsAnOwnerFlag() {
        assertEquals(AdvertiserType.PROFESSIONAL, NaventPublisherClassifier.classify(
                aviso("{'publisherTypeId': '1', 'url': '/inmobiliarias/x_123-inmuebles.html'}"), null));
        assertEquals(AdvertiserType.PROFESSIONAL, NaventPublisherClassifier.classify(
                aviso("{'publisherTypeId': '1'}"), "/inmobiliarias/y_456-inmuebles.html"));
    }

    @Test
    void withoutAnySignalTheTypeIsUnknown() {
        assertEquals(AdvertiserType.UNKNOWN, NaventPublisherClassifier.classify(
                aviso("{'publisherId': '9', 'name': 'Ana', 'url': ''}"), null));
    }
}
