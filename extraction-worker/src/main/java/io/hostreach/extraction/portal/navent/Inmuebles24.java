package io.hostreach.extraction.portal.navent;

import java.time.ZoneId;

/** Inmuebles24 (Mexico) on the Navent platform. */
public final class Inmuebles24 {

    public static final String PORTAL = "inmuebles24";

    private Inmuebles24() {
    }

    public static NaventSite site() {
        return new NaventSite(PORTAL, "https://www.inmuebles24.com", "MX", ZoneId.of("America/Mexico_City"), "MXN",
                "es-MX,es;q=0.9", Inmuebles24SearchPath.OPERATIONS, new Inmuebles24SearchPath());
    }

    public static NaventAdapter adapter() {
        return new NaventAdapter(site());
    }
}
