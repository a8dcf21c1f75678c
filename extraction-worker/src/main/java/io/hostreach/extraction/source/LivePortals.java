package io.hostreach.extraction.source;

import io.hostreach.extraction.fetch.PortalOrigins;
import io.hostreach.extraction.fetch.PortalsConfig;
import io.hostreach.extraction.portal.PortalAdapter;
import io.hostreach.extraction.portal.fotocasa.FotocasaAdapter;
import io.hostreach.extraction.portal.idealista.IdealistaAdapter;
import io.hostreach.extraction.portal.metrocuadrado.MetrocuadradoAdapter;
import io.hostreach.extraction.portal.navent.Inmuebles24;
import io.hostreach.extraction.portal.navent.Zonaprop;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The real portal adapters, by platform name. */
@ApplicationScoped
public class LivePortals {

    public static final String METROCUADRADO = "metrocuadrado";
    /** Portals without a newest-first sort: a run cannot stop at the first listing it has seen before. */
    private static final Set<String> UNSORTED = Set.of(METROCUADRADO);

    private final Map<String, PortalAdapter> adapters;
    private final Optional<String> metrocuadradoKey;

    public LivePortals(IdealistaAdapter idealista, FotocasaAdapter fotocasa, PortalsConfig config) {
        PortalsConfig.Portal metro = config.portals().get(METROCUADRADO);
        this.metrocuadradoKey = metro == null ? Optional.empty() : metro.apiKey().filter(k -> !k.isBlank());
        this.adapters = Map.of(
                IdealistaAdapter.PORTAL, idealista,
                FotocasaAdapter.PORTAL, fotocasa,
                Inmuebles24.PORTAL, Inmuebles24.adapter(),
                Zonaprop.PORTAL, Zonaprop.adapter());
    }

    public PortalAdapter adapter(String platform) {
        if (METROCUADRADO.equals(platform)) {
            String key = metrocuadradoKey.orElseThrow(() -> new UnknownPortalException(
                    "metrocuadrado needs hostreach.portals.metrocuadrado.api-key (the X-Api-Key of its public site), "
                            + "and none is configured"));
            // Listing links and the Referer name the public site, wherever the requests go.
            return new MetrocuadradoAdapter(key, PortalOrigins.publicOrigin(METROCUADRADO));
        }
        PortalAdapter adapter = adapters.get(platform);
        if (adapter == null) {
            throw new UnknownPortalException("platform " + platform + " is not a portal this worker extracts from");
        }
        return adapter;
    }

    public static boolean isPortal(String platform) {
        return platform != null && (PortalOrigins.publicOrigin(platform) != null);
    }

    public static boolean newestFirst(String platform) {
        return !UNSORTED.contains(platform);
    }
}
