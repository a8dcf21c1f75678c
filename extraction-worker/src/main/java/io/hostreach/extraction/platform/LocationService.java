package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * Answers location search: the gazetteer's matches, with fotocasa's ids resolved live when
 * {@code hostreach.platforms.fotocasa.live-locations.enabled} is on. A place the live lookup cannot resolve
 * (unknown to fotocasa, timeout, error) keeps its gazetteer id rather than failing the whole search. Only
 * the places in the answer are resolved: their {@code parent} stays the gazetteer's id unless the parent is
 * itself in the answer.
 */
@Singleton
public class LocationService {

    private static final Logger LOG = Logger.getLogger(LocationService.class);

    private final LocationSearch search;
    private final FotocasaLocationResolver fotocasa;
    private final int concurrency;

    @Inject
    public LocationService(LocationSearch search, PlatformsConfig config, Vertx vertx) {
        this(search, config.fotocasa().liveLocations().enabled()
                        ? new FotocasaLocationResolver(vertx, config.fotocasa().liveLocations().baseUrl(),
                                config.fotocasa().liveLocations().timeout())
                        : null,
                config.fotocasa().liveLocations().concurrency());
    }

    LocationService(LocationSearch search, FotocasaLocationResolver fotocasa, int concurrency) {
        this.search = search;
        this.fotocasa = fotocasa;
        this.concurrency = Math.max(1, concurrency);
    }

    public boolean liveLocationSearch(Portal platform) {
        return platform == Portal.FOTOCASA && fotocasa != null;
    }

    public Uni<List<Location>> search(Portal platform, String query, int limit, String country) {
        List<LocationIndex.Entry> matches = search.search(platform, query, limit, country);
        if (!liveLocationSearch(platform) || matches.isEmpty()) {
            return Uni.createFrom().item(matches.stream().map(LocationIndex.Entry::location).toList());
        }
        return Multi.createFrom().iterable(matches)
                .onItem().transformToUni(this::resolveLive).merge(concurrency)
                .collect().asMap(Resolved::gazetteerId, Resolved::liveId)
                // merge() completes in arrival order; the ranking stays the gazetteer's.
                .map(live -> matches.stream().map(m -> relabel(m.location(), live)).toList());
    }

    /** A place's gazetteer id and the id to answer with (the same one when the lookup gave nothing). */
    private record Resolved(String gazetteerId, String liveId) {
    }

    private Uni<Resolved> resolveLive(LocationIndex.Entry entry) {
        String urlName = FotocasaLocationResolver.urlName(entry);
        String gazetteerId = entry.location().id();
        return fotocasa.resolve(urlName)
                .map(ids -> new Resolved(gazetteerId, ids.orElse(gazetteerId)))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("fotocasa live location lookup failed for '%s', keeping the gazetteer id: %s", urlName,
                            failure.getMessage());
                    return new Resolved(gazetteerId, gazetteerId);
                });
    }

    /** The place with its live id, and its parent's when the parent was resolved in the same answer. */
    private static Location relabel(Location location, Map<String, String> live) {
        String parent = location.parent() == null ? null : live.getOrDefault(location.parent(), location.parent());
        return new Location(live.getOrDefault(location.id(), location.id()), location.label(), location.type(), parent);
    }
}
