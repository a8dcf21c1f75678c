package io.hostreach.extraction.portal.navent;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.portal.AdvertiserType;

/**
 * Private owner or professional, from the detail page. Navent marks owners with {@code publisherTypeId} "1"
 * ("dueño directo"); agencies have an {@code /inmobiliarias/...} microsite. Without either signal the type
 * stays UNKNOWN, which the run treats as professional.
 */
final class NaventPublisherClassifier {

    private static final String PRIVATE_OWNER_TYPE = "1";

    private NaventPublisherClassifier() {
    }

    /**
     * @param avisoInfo     the parsed avisoInfo object
     * @param micrositeHref href of the page's {@code [data-qa="linkMicrositioAnunciante"]} link, or null
     */
    static AdvertiserType classify(JsonNode avisoInfo, String micrositeHref) {
        JsonNode publisher = avisoInfo.path("publisher");
        // An agency microsite outweighs an owner flag: a false "private" gets an agency a cold message.
        if (isAgencyMicrosite(text(publisher.path("url"))) || isAgencyMicrosite(micrositeHref)) {
            return AdvertiserType.PROFESSIONAL;
        }
        String typeId = text(publisher.path("publisherTypeId"));
        if (typeId == null) {
            typeId = text(avisoInfo.path("publisherTypeId"));
        }
        if (typeId != null) {
            return PRIVATE_OWNER_TYPE.equals(typeId) ? AdvertiserType.PRIVATE : AdvertiserType.PROFESSIONAL;
        }
        return AdvertiserType.UNKNOWN;
    }

    private static boolean isAgencyMicrosite(String url) {
        return url != null && url.contains("/inmobiliarias/");
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
