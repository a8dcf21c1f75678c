package io.hostreach.extraction.portal.fotocasa;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PhoneNumbers;
import io.hostreach.extraction.portal.PortalLayoutChangedException;

import java.math.BigDecimal;

/**
 * Maps one {@code realEstates[]} item of the gateway's search JSON to a {@link Listing}. The advertiser
 * and the phone come with the item: {@code advertiser.typeId} 1 is a private owner ("particular"), 3 an
 * agency; new-build promotions ({@code promotionId}) are always professional. The item has no title or
 * publication date; those stay null.
 */
final class FotocasaRealEstateMapper {

    static final String PUBLIC_ORIGIN = "https://www.fotocasa.es";
    static final int ADVERTISER_PRIVATE = 1;
    static final int ADVERTISER_AGENCY = 3;

    private FotocasaRealEstateMapper() {
    }

    /**
     * @param defaultOperation     the operation the search asked for, used when the item's transaction omits it
     * @param propertyType         the common property type the search asked for
     */
    static Listing map(JsonNode item, int index, String defaultOperation, String propertyType) {
        JsonNode id = item.get("id");
        if (id == null || id.isNull() || id.asText().isBlank()) {
            throw new PortalLayoutChangedException("fotocasa search item realEstates[" + index + "] has no 'id'");
        }
        JsonNode transaction = item.path("transactions").path(0);
        JsonNode address = item.path("address");
        JsonNode location = address.path("location");
        JsonNode coordinates = address.path("coordinates");
        JsonNode advertiser = item.path("advertiser");

        String phoneRaw = text(advertiser, "phone");
        String phone = PhoneNumbers.toE164(phoneRaw, "ES").orElse(null);

        return new Listing("fotocasa", id.asText(), detailUrl(item.path("detail")), null,
                text(item, "description"), operation(transaction, defaultOperation), propertyType,
                price(transaction), "EUR", feature(item, "surface"), feature(item, "rooms"),
                feature(item, "bathrooms"), text(address, "ubication"),
                // level1 is the region, level2 the province, level5 the municipality (as in combinedLocationIds).
                text(location, "level5"), text(location, "level2"),
                number(coordinates, "latitude"), number(coordinates, "longitude"), null,
                advertiserType(item, advertiser), text(advertiser, "clientAlias"), phoneRaw, phone, null);
    }

    static AdvertiserType advertiserType(JsonNode item, JsonNode advertiser) {
        if (item.path("promotionId").asLong(0) > 0) {
            return AdvertiserType.PROFESSIONAL;
        }
        JsonNode typeId = advertiser.get("typeId");
        if (typeId == null || !typeId.canConvertToInt()) {
            return AdvertiserType.UNKNOWN;
        }
        return switch (typeId.asInt()) {
            case ADVERTISER_PRIVATE -> AdvertiserType.PRIVATE;
            case ADVERTISER_AGENCY -> AdvertiserType.PROFESSIONAL;
            // Other codes are not documented: unknown, which privateOnly treats as professional.
            default -> AdvertiserType.UNKNOWN;
        };
    }

    private static String operation(JsonNode transaction, String defaultOperation) {
        int typeId = transaction.path("transactionTypeId").asInt(0);
        if (typeId == FotocasaSearchRequestBuilder.TRANSACTION_BUY) {
            return "sale";
        }
        if (typeId == FotocasaSearchRequestBuilder.TRANSACTION_RENT) {
            return "rent";
        }
        return defaultOperation;
    }

    private static BigDecimal price(JsonNode transaction) {
        JsonNode value = first(transaction.get("value"));
        return value != null && value.isNumber() && value.decimalValue().signum() > 0 ? value.decimalValue() : null;
    }

    /** {@code features[{key: "surface", value: [85]}]}; the value may also come as a bare number. */
    private static Integer feature(JsonNode item, String key) {
        for (JsonNode feature : item.path("features")) {
            if (key.equals(feature.path("key").asText())) {
                JsonNode value = first(feature.get("value"));
                return value != null && value.canConvertToInt() && value.asInt() > 0 ? value.asInt() : null;
            }
        }
        return null;
    }

    private static String detailUrl(JsonNode detail) {
        String path = text(detail, "es");
        if (path == null) {
            return null;
        }
        return path.startsWith("/") ? PUBLIC_ORIGIN + path : path;
    }

    private static JsonNode first(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isArray() ? (value.isEmpty() ? null : value.get(0)) : value;
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }
}
