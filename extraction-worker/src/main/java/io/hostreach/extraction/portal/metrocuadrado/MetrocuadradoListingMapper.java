package io.hostreach.extraction.portal.metrocuadrado;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalLayoutChangedException;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** One {@code results[]} item of the search JSON (or the same object inside a detail page) into a listing. */
final class MetrocuadradoListingMapper {

    static final String PORTAL = "metrocuadrado";
    private static final String CURRENCY = "COP";
    /** Description keys seen on detail payloads; search items usually carry none. */
    private static final List<String> DESCRIPTION_FIELDS = List.of("mdescripcion", "descripcion", "description");

    private final String publicOrigin;

    MetrocuadradoListingMapper(String publicOrigin) {
        this.publicOrigin = publicOrigin;
    }

    /**
     * @param searchedOperation the operation the query asked for; items for "Venta y Arriendo" carry both
     *                          prices and the searched one is the relevant one
     */
    Listing map(JsonNode item, String searchedOperation) {
        String id = JsonValues.text(item, "midinmueble");
        if (id == null) {
            throw new PortalLayoutChangedException("metrocuadrado result item has no 'midinmueble' id any more");
        }
        String operation = searchedOperation != null ? searchedOperation
                : operationOf(JsonValues.text(item, "mtiponegocio"));
        BigDecimal price = "rent".equals(operation)
                ? positive(JsonValues.decimal(item, "mvalorarriendo"))
                : positive(JsonValues.decimal(item, "mvalorventa"));
        MetrocuadradoContact contact = MetrocuadradoContact.of(item);
        JsonNode location = item.path("localizacion");

        return new Listing(
                PORTAL,
                id,
                url(item),
                JsonValues.text(item, "title"),
                description(item),
                operation,
                propertyType(JsonValues.text(item.path("mtipoinmueble"), "nombre")),
                price,
                price == null ? null : CURRENCY,
                firstInteger(JsonValues.positiveInteger(item, "marea"), JsonValues.positiveInteger(item, "areaprivada"),
                        JsonValues.positiveInteger(item, "mareac")),
                JsonValues.positiveInteger(item, "mnrocuartos"),
                JsonValues.positiveInteger(item, "mnrobanos"),
                firstText(JsonValues.text(item, "mnombrecomunbarrio"), JsonValues.text(item, "mbarrio")),
                JsonValues.text(item.path("mciudad"), "nombre"),
                null, // the department is not in the payload
                JsonValues.coordinate(location, "lat"),
                JsonValues.coordinate(location, "lon"),
                null, // no publication date in the payload
                MetrocuadradoAdvertiserClassifier.fromSearchItem(item),
                firstText(JsonValues.text(item, "mnombreconstructor"), JsonValues.text(item, "companyName")),
                contact.raw(),
                contact.e164(),
                contact.whatsapp());
    }

    static String description(JsonNode item) {
        for (String field : DESCRIPTION_FIELDS) {
            String text = JsonValues.text(item, field);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private String url(JsonNode item) {
        String link = firstText(JsonValues.text(item, "link"), JsonValues.text(item.path("data"), "murldetalle"));
        if (link == null) {
            return null;
        }
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        return publicOrigin + (link.startsWith("/") ? link : "/" + link);
    }

    /** "Venta" → sale, "Arriendo" → rent; "Venta y Arriendo" has no single answer. */
    static String operationOf(String business) {
        String folded = fold(business);
        if (folded == null || (folded.contains("venta") && folded.contains("arriendo"))) {
            return null;
        }
        if (folded.contains("venta")) {
            return "sale";
        }
        if (folded.contains("arriendo")) {
            return "rent";
        }
        return null;
    }

    /** mtipoinmueble.nombre → the public API's words; other types pass through folded ("bodega"). */
    static String propertyType(String name) {
        String folded = fold(name);
        if (folded == null) {
            return null;
        }
        return switch (folded) {
            case "apartamento" -> "flats";
            case "apartaestudio" -> "studios";
            case "casa" -> "houses";
            case "oficina" -> "offices";
            case "local" -> "premises";
            case "lote" -> "lands";
            default -> folded.replace(' ', '-');
        };
    }

    private static BigDecimal positive(BigDecimal value) {
        return value == null || value.signum() <= 0 ? null : value;
    }

    private static String fold(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Integer firstInteger(Integer... values) {
        for (Integer value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
