package io.hostreach.extraction.portal.metrocuadrado;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * A listing's detail page, fetched only when the search item had no phone. The Next.js page embeds the same
 * property document in {@code <script id="__NEXT_DATA__">}; where it sits in the tree changes with site
 * releases, so the property is found by its {@code midinmueble} rather than by a fixed path. Besides the
 * contact fields it may name the publisher's company type, the only owner signal metrocuadrado gives.
 */
final class MetrocuadradoDetailParser {

    private static final int MAX_NODES = 200_000;

    private final ObjectMapper json;

    MetrocuadradoDetailParser(ObjectMapper json) {
        this.json = json;
    }

    Listing complete(Listing listing, PortalResponse response) {
        if (response.status() == 404 || response.status() == 410) {
            return listing; // withdrawn since the search: nothing to add
        }
        MetrocuadradoResponseGuard.rejectRefusal(response);
        Element script = Jsoup.parse(response.body() == null ? "" : response.body())
                .selectFirst("script#__NEXT_DATA__");
        if (script == null) {
            String marker = MetrocuadradoResponseGuard.blockMarker(response.body());
            if (marker != null) {
                throw new PortalBlockedException("metrocuadrado detail page for " + listing.listingId()
                        + " is a block page (" + marker + ")");
            }
            throw new PortalLayoutChangedException("metrocuadrado detail page has no <script id=\"__NEXT_DATA__\">: "
                    + response.url());
        }
        JsonNode root;
        try {
            root = json.readTree(script.data());
        } catch (JsonProcessingException e) {
            throw new PortalLayoutChangedException("metrocuadrado __NEXT_DATA__ is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode property = findProperty(root, listing.listingId());
        if (property == null) {
            throw new PortalLayoutChangedException("metrocuadrado __NEXT_DATA__ holds no object with midinmueble "
                    + listing.listingId());
        }

        MetrocuadradoContact contact = MetrocuadradoContact.of(property);
        String companyType = JsonValues.text(findField(property, "companyType"));
        AdvertiserType type = MetrocuadradoAdvertiserClassifier.fromCompanyType(companyType,
                mostCertain(listing.advertiserType(), MetrocuadradoAdvertiserClassifier.fromSearchItem(property)));
        String description = MetrocuadradoListingMapper.description(property);
        String companyName = JsonValues.text(findField(property, "companyName"));

        return new Listing(listing.portal(), listing.listingId(), listing.url(), listing.title(),
                description != null ? description : listing.description(),
                listing.operation(), listing.propertyType(), listing.price(), listing.currency(), listing.size(),
                listing.rooms(), listing.bathrooms(), listing.address(), listing.city(), listing.province(),
                listing.latitude(), listing.longitude(), listing.publishedAt(),
                type,
                companyName != null ? companyName : listing.advertiserName(),
                contact.raw() != null ? contact.raw() : listing.phoneRaw(),
                contact.hasPhone() ? contact.e164() : listing.phone(),
                contact.whatsapp() || Boolean.TRUE.equals(listing.whatsapp()));
    }

    /** PROFESSIONAL from either source wins over UNKNOWN; PRIVATE only comes from the company type. */
    private static AdvertiserType mostCertain(AdvertiserType fromSearch, AdvertiserType fromDetail) {
        if (fromSearch == AdvertiserType.PROFESSIONAL || fromDetail == AdvertiserType.PROFESSIONAL) {
            return AdvertiserType.PROFESSIONAL;
        }
        return fromSearch == null ? AdvertiserType.UNKNOWN : fromSearch;
    }

    /** Breadth-first: the first object whose midinmueble is this listing's id. */
    private static JsonNode findProperty(JsonNode root, String listingId) {
        Deque<JsonNode> queue = new ArrayDeque<>();
        queue.add(root);
        int visited = 0;
        while (!queue.isEmpty() && visited++ < MAX_NODES) {
            JsonNode node = queue.poll();
            if (node.isObject() && listingId.equals(JsonValues.text(node, "midinmueble"))) {
                return node;
            }
            if (node.isContainerNode()) {
                node.elements().forEachRemaining(queue::add);
            }
        }
        return null;
    }

    /** The first value of {@code field} anywhere inside the property (publisher blocks nest it). */
    private static JsonNode findField(JsonNode property, String field) {
        Deque<JsonNode> queue = new ArrayDeque<>();
        queue.add(property);
        while (!queue.isEmpty()) {
            JsonNode node = queue.poll();
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> entry = fields.next();
                    if (entry.getKey().equals(field) && entry.getValue().isValueNode()) {
                        return entry.getValue();
                    }
                    queue.add(entry.getValue());
                }
            } else if (node.isArray()) {
                node.elements().forEachRemaining(queue::add);
            }
        }
        return null;
    }
}
