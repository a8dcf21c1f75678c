package io.hostreach.extraction.portal.metrocuadrado;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.portal.PhoneNumbers;

import java.util.Optional;

/**
 * The phone of a metrocuadrado listing: {@code whatsapp} ("+573104567890") when valid, because outreach goes
 * over WhatsApp and a contactPhone may be a landline; otherwise {@code contactPhone} ("3104567890",
 * "6017654321"). Both absent means the advertiser hid the phone.
 *
 * @param raw      what the portal showed for the chosen number
 * @param e164     the chosen number in E.164, or null
 * @param whatsapp whether the portal offered a valid WhatsApp number
 */
record MetrocuadradoContact(String raw, String e164, boolean whatsapp) {

    private static final String REGION = "CO";

    static MetrocuadradoContact of(JsonNode node) {
        String whatsappRaw = JsonValues.text(node, "whatsapp");
        Optional<String> whatsappNumber = PhoneNumbers.toE164(whatsappRaw, REGION);
        if (whatsappNumber.isPresent()) {
            return new MetrocuadradoContact(whatsappRaw, whatsappNumber.get(), true);
        }
        String phoneRaw = JsonValues.text(node, "contactPhone");
        Optional<String> phone = PhoneNumbers.toE164(phoneRaw, REGION);
        if (phoneRaw != null) {
            return new MetrocuadradoContact(phoneRaw, phone.orElse(null), false);
        }
        return new MetrocuadradoContact(whatsappRaw, null, false);
    }

    boolean hasPhone() {
        return e164 != null;
    }
}
