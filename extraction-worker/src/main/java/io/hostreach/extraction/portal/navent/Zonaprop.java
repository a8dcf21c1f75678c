package io.hostreach.extraction.portal.navent;

import java.time.ZoneId;

/** Zonaprop (Argentina) on the Navent platform. */
public final class Zonaprop {

    public static final String PORTAL = "zonaprop";

    private Zonaprop() {
    }

    public static NaventSite site() {
        return new NaventSite(PORTAL, "https://www.zonaprop.com.ar", "AR",
                ZoneId.of("America/Argentina/Buenos_Aires"), "ARS", "es-AR,es;q=0.9",
                ZonapropSearchPath.OPERATIONS, new ZonapropSearchPath());
    }

    public static NaventAdapter adapter() {
        return new NaventAdapter(site());
    }
}
