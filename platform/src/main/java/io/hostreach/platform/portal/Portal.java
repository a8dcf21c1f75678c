package io.hostreach.platform.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The property portals hostreach extracts from (shared by campaign-service, which validates filters, and
 * extraction-worker, which runs them). Each has its
 * filter schema in {@code platforms/<name>/filters.schema.json} and gets its locations from the gazetteer of
 * the countries it serves, under the id column named after it.
 *
 * <p>{@code currency} is the portal's local currency; {@code currencies} are those its price filters can be
 * written in (the portal-specific filter {@code currency}). Zonaprop lists sales in USD and rents in ARS: its
 * local currency is ARS and both are accepted.
 */
public enum Portal {

    IDEALISTA("idealista", "idealista", List.of("ES", "IT", "PT"), "EUR", List.of("EUR")),
    FOTOCASA("fotocasa", "fotocasa", List.of("ES"), "EUR", List.of("EUR")),
    METROCUADRADO("metrocuadrado", "Metrocuadrado", List.of("CO"), "COP", List.of("COP")),
    INMUEBLES24("inmuebles24", "Inmuebles24", List.of("MX"), "MXN", List.of("MXN", "USD")),
    ZONAPROP("zonaprop", "Zonaprop", List.of("AR"), "ARS", List.of("ARS", "USD"));

    private final String id;
    private final String displayName;
    private final List<String> countries;
    private final String currency;
    private final List<String> currencies;

    Portal(String id, String displayName, List<String> countries, String currency, List<String> currencies) {
        this.id = id;
        this.displayName = displayName;
        this.countries = countries;
        this.currency = currency;
        this.currencies = currencies;
    }

    /** The platform name of the public API, e.g. {@code idealista}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** ISO 3166-1 alpha-2 codes of the countries the portal serves. */
    public List<String> countries() {
        return countries;
    }

    public String currency() {
        return currency;
    }

    public List<String> currencies() {
        return currencies;
    }

    public static Optional<Portal> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
