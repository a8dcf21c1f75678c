package io.hostreach.extraction.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.extraction.fetch.PortalFetcher;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import io.smallrye.mutiny.Uni;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers sandbox requests in-process, deterministically: the fetcher of test-mode runs. Nothing leaves the
 * machine; the answers are JSON like a portal's, so the adapter parses them as it would a real one.
 */
public final class SandboxPortal implements PortalFetcher {

    static final String ORIGIN = "sandbox://portal";
    private static final String LISTING_URL = "https://sandbox.hostreach.invalid/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Uni<PortalResponse> fetch(PortalRequest request) {
        return Uni.createFrom().item(() -> answer(request));
    }

    PortalResponse answer(PortalRequest request) {
        String path = request.path();
        String url = ORIGIN + path;
        String[] parts = path.split("/");
        if (parts.length != 4 || !"sandbox".equals(parts[1])) {
            return json(404, error("no such sandbox endpoint: " + path), url);
        }
        String platform = parts[2];
        return switch ("/" + parts[3]) {
            case SandboxAdapter.SEARCH -> json(200, page(search(platform, request.query()),
                    integer(request.query().get("page"), 1)), url);
            case SandboxAdapter.CONTACT -> contact(platform, request.query().get("listingId"), url);
            default -> json(404, error("no such sandbox endpoint: " + path), url);
        };
    }

    private static ObjectNode page(SandboxSearch search, int page) {
        List<SandboxListing> listings = SandboxCatalog.page(search, page);
        ObjectNode root = JSON.createObjectNode();
        root.put("page", page);
        root.put("pages", SandboxCatalog.PAGES);
        root.put("total", SandboxCatalog.totalListings());
        ArrayNode cards = root.putArray("listings");
        for (SandboxListing l : listings) {
            ObjectNode card = cards.addObject();
            card.put("id", l.id());
            card.put("url", LISTING_URL + search.platform() + "/" + l.id());
            card.put("title", l.title());
            card.put("description", l.description());
            card.put("operation", l.operation());
            card.put("propertyType", l.propertyType());
            card.put("price", l.price());
            card.put("currency", l.currency());
            card.put("size", l.size());
            card.put("rooms", l.rooms());
            card.put("bathrooms", l.bathrooms());
            card.put("address", l.address());
            card.put("city", l.city());
            card.putNull("province");
            card.put("latitude", l.latitude());
            card.put("longitude", l.longitude());
            card.put("publishedAt", l.publishedAt().toString());
            card.put("advertiserType", l.cardType());
            if ("professional".equals(l.cardType())) {
                card.put("advertiserName", l.advertiserName());
            }
            card.put("phone", l.cardPhone());
        }
        return root;
    }

    /** The contact request carries only the listing id, which holds all the sandbox needs to answer. */
    private static PortalResponse contact(String platform, String listingId, String url) {
        Optional<SandboxListing> found = SandboxCatalog.byId(platform, listingId);
        if (found.isEmpty()) {
            return json(404, error("no sandbox listing " + listingId), url);
        }
        SandboxListing l = found.get();
        ObjectNode root = JSON.createObjectNode();
        root.put("listingId", l.id());
        root.put("advertiserType", l.advertiserType());
        root.put("name", l.advertiserName());
        root.put("phone", l.phone());
        return json(200, root, url);
    }

    private static SandboxSearch search(String platform, Map<String, String> q) {
        return new SandboxSearch(platform, q.get("operation"), q.get("locationId"), q.get("locationLabel"),
                q.get("propertyType"), decimal(q.get("minPrice")), decimal(q.get("maxPrice")),
                integerOrNull(q.get("minSize")), integerOrNull(q.get("maxSize")), integerOrNull(q.get("bedrooms")),
                integerOrNull(q.get("bathrooms")));
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static PortalResponse json(int status, ObjectNode body, String url) {
        return new PortalResponse(status, "application/json", body.toString(), url);
    }

    private static int integer(String value, int fallback) {
        Integer parsed = integerOrNull(value);
        return parsed == null ? fallback : parsed;
    }

    private static Integer integerOrNull(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
