package io.hostreach.campaign.campaign;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where a campaign's leads come from. */
public enum Platform {
    IDEALISTA("idealista", true),
    FOTOCASA("fotocasa", true),
    METROCUADRADO("metrocuadrado", true),
    INMUEBLES24("inmuebles24", true),
    ZONAPROP("zonaprop", true),
    CSV_IMPORT("csv_import", false),
    WIDGET("widget", false);

    public static final List<String> API_VALUES = Arrays.stream(values()).map(p -> p.apiValue).toList();
    public static final List<String> PORTALS = Arrays.stream(values()).filter(p -> p.portal).map(p -> p.apiValue).toList();

    private final String apiValue;
    private final boolean portal;

    Platform(String apiValue, boolean portal) {
        this.apiValue = apiValue;
        this.portal = portal;
    }

    public String apiValue() {
        return apiValue;
    }

    public boolean isPortal() {
        return portal;
    }

    public static Optional<Platform> fromApi(String value) {
        return Arrays.stream(values()).filter(p -> p.apiValue.equals(value)).findFirst();
    }

    public static Platform of(String value) {
        return fromApi(value).orElseThrow(() -> new IllegalArgumentException("unknown platform " + value));
    }
}
