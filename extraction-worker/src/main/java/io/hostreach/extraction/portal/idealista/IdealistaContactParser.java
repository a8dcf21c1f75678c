package io.hostreach.extraction.portal.idealista;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PhoneNumbers;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalResponse;

/**
 * Reads idealista's contact-info JSON ({@code {"result":"OK","data":{isAdProfessional, showPhoneContactMethod,
 * firstName, commercialName, formattedContactPhoneWithPrefix, …}}}). {@code isAdProfessional} is the
 * authoritative private/professional flag. Private owners may hide their phone and accept chat only
 * ({@code showPhoneContactMethod: false}): the phone then stays null.
 */
final class IdealistaContactParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IdealistaContactParser() {
    }

    static Listing parse(Listing listing, PortalResponse response) {
        IdealistaBlockDetector.check(response);
        if (response.status() < 200 || response.status() >= 300) {
            throw new IllegalStateException("idealista contact info answered HTTP " + response.status()
                    + " for listing " + listing.listingId());
        }
        JsonNode root = readJson(response, listing);
        // A withdrawn ad answers {"result":"ERROR"}: nothing to add, and nothing wrong with the parser.
        if ("ERROR".equalsIgnoreCase(root.path("result").asText(""))) {
            return listing;
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new PortalLayoutChangedException("idealista contact info for listing " + listing.listingId()
                    + " has no 'data' object");
        }
        JsonNode professional = data.get("isAdProfessional");
        if (professional == null || !professional.isBoolean()) {
            throw new PortalLayoutChangedException("idealista contact info for listing " + listing.listingId()
                    + " has no boolean 'data.isAdProfessional'");
        }
        boolean isProfessional = professional.booleanValue();
        AdvertiserType type = isProfessional ? AdvertiserType.PROFESSIONAL : AdvertiserType.PRIVATE;
        // A private owner is addressed by first name only: the surname is not needed to write to them.
        String name = isProfessional ? firstText(data, "commercialName", "firstName") : firstText(data, "firstName");

        String raw = null;
        if (data.path("showPhoneContactMethod").asBoolean(false)) {
            raw = firstText(data, "formattedContactPhoneWithPrefix", "formattedContactPhone1", "phone2");
        }
        String region = IdealistaSite.fromListingUrl(listing.url()).orElse(IdealistaSite.SPAIN).phoneRegion();
        String e164 = PhoneNumbers.toE164(raw, region).orElse(null);
        return listing.withContact(type, name, raw, e164, null);
    }

    private static JsonNode readJson(PortalResponse response, Listing listing) {
        String body = response.body() == null ? "" : response.body().trim();
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new PortalLayoutChangedException("idealista contact info for listing " + listing.listingId()
                        + " is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new PortalLayoutChangedException("idealista contact info for listing " + listing.listingId()
                    + " is not JSON", e);
        }
    }

    private static String firstText(JsonNode data, String... fields) {
        for (String field : fields) {
            JsonNode value = data.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText().trim();
            }
        }
        return null;
    }
}
