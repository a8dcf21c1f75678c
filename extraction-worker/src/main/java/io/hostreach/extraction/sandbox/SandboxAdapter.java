package io.hostreach.extraction.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PhoneNumbers;
import io.hostreach.extraction.portal.PortalAdapter;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchCriteria;
import io.hostreach.extraction.portal.SearchResultPage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox portal seen through the same contract as the real ones: a JSON search endpoint of 30 cards per
 * page, newest first, and a contact endpoint that reveals the advertiser and, unless hidden, the phone. It
 * stands in for any platform ({@link #portal()} is the campaign's), so test-mode campaigns run the very same
 * extraction code without leaving the machine.
 */
public final class SandboxAdapter implements PortalAdapter {

    static final String SEARCH = "/search";
    static final String CONTACT = "/contact";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String platform;

    public SandboxAdapter(String platform) {
        this.platform = platform;
    }

    @Override
    public String portal() {
        return platform;
    }

    @Override
    public PortalRequest searchRequest(SearchCriteria criteria, int page) {
        Map<String, String> query = searchQuery(criteria);
        query.put("page", Integer.toString(page));
        return PortalRequest.get("/sandbox/" + platform + SEARCH, query);
    }

    @Override
    public SearchResultPage parseSearchPage(PortalResponse response) {
        JsonNode root = read(response);
        JsonNode cards = root.path("listings");
        if (!cards.isArray()) {
            throw new PortalLayoutChangedException("sandbox search answer has no 'listings' array");
        }
        List<Listing> listings = new ArrayList<>(cards.size());
        for (JsonNode card : cards) {
            String phone = text(card, "phone");
            listings.add(new Listing(platform, text(card, "id"), text(card, "url"), text(card, "title"),
                    text(card, "description"), text(card, "operation"), text(card, "propertyType"),
                    card.hasNonNull("price") ? card.get("price").decimalValue() : null, text(card, "currency"),
                    card.path("size").asInt(), card.path("rooms").asInt(), card.path("bathrooms").asInt(),
                    text(card, "address"), text(card, "city"), text(card, "province"),
                    card.path("latitude").asDouble(), card.path("longitude").asDouble(),
                    card.hasNonNull("publishedAt") ? Instant.parse(card.get("publishedAt").asText()) : null,
                    type(text(card, "advertiserType")), text(card, "advertiserName"), phone, phone, null));
        }
        int page = root.path("page").asInt(1);
        int pages = root.path("pages").asInt(page);
        return new SearchResultPage(page, List.copyOf(listings), page >= pages, root.path("total").asInt());
    }

    /** Only a listing without a printed phone is worth a contact request (as on the real portals). */
    @Override
    public Optional<PortalRequest> contactRequest(Listing listing) {
        if (listing.phone() != null) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("listingId", listing.listingId());
        return Optional.of(PortalRequest.get("/sandbox/" + platform + CONTACT, query));
    }

    @Override
    public Listing parseContact(Listing listing, PortalResponse response) {
        JsonNode root = read(response);
        if (response.status() == 404) {
            return listing;
        }
        String raw = text(root, "phone");
        String e164 = raw == null ? null : PhoneNumbers.toE164(raw, null).orElse(null);
        return listing.withContact(type(text(root, "advertiserType")), text(root, "name"), raw, e164,
                raw == null ? null : Boolean.TRUE);
    }

    /** The search as the sandbox request carries it (and {@link SandboxPortal} reads it back). */
    static Map<String, String> searchQuery(SearchCriteria c) {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "operation", c.operation());
        put(query, "locationId", c.locationId());
        put(query, "locationLabel", c.locationLabel());
        put(query, "propertyType", c.propertyType());
        put(query, "minPrice", c.minPrice());
        put(query, "maxPrice", c.maxPrice());
        put(query, "minSize", c.minSize());
        put(query, "maxSize", c.maxSize());
        put(query, "bedrooms", c.bedrooms());
        put(query, "bathrooms", c.bathrooms());
        return query;
    }

    private static void put(Map<String, String> query, String key, Object value) {
        if (value != null) {
            query.put(key, value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        }
    }

    private static AdvertiserType type(String value) {
        if (value == null) {
            return AdvertiserType.UNKNOWN;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "private" -> AdvertiserType.PRIVATE;
            case "professional" -> AdvertiserType.PROFESSIONAL;
            default -> AdvertiserType.UNKNOWN;
        };
    }

    private static JsonNode read(PortalResponse response) {
        try {
            JsonNode root = JSON.readTree(response.body() == null ? "" : response.body());
            if (root == null || !root.isObject()) {
                throw new PortalLayoutChangedException("sandbox answer is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new PortalLayoutChangedException("sandbox answer is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
