package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One portal's searchable places: every gazetteer row of the portal's countries that has an id for it,
 * with its label, the parent's id and the folded names to match.
 *
 * <p>A query matches a place whose name (or alias) equals it, starts with it, or has, in order, words
 * starting with each of the query's words ("san seb" → "San Sebastián/Donostia"), accents and case ignored.
 * Results come in that order of match quality, then first-level divisions before cities before
 * neighbourhoods, then larger places first.
 */
final class LocationIndex {

    /** A searchable place; {@code parentName} is null for a first-level division. */
    record Entry(Location location, GazetteerPlace place, String parentName, List<String> foldedNames, int level) {
    }

    private static final int EXACT = 0;
    private static final int PREFIX = 1;
    private static final int WORDS = 2;
    private static final int NONE = Integer.MAX_VALUE;

    private final List<Entry> entries;

    private LocationIndex(List<Entry> entries) {
        this.entries = entries;
    }

    static LocationIndex build(Portal platform, Gazetteer gazetteer) {
        List<Entry> entries = new ArrayList<>();
        for (String country : platform.countries()) {
            Map<String, GazetteerPlace> byKey = new HashMap<>();
            gazetteer.places(country).forEach(p -> byKey.put(p.key(), p));
            for (GazetteerPlace place : gazetteer.places(country)) {
                String id = place.ids().get(platform.id());
                if (id == null) {
                    continue;
                }
                GazetteerPlace parent = place.parentKey() == null ? null : byKey.get(place.parentKey());
                if (place.parentKey() != null && (parent == null || parent.ids().get(platform.id()) == null)) {
                    throw new IllegalStateException(country + " gazetteer: " + place.key() + " has no parent " + place.parentKey()
                            + " for " + platform.id());
                }
                String label = parent == null ? place.name() : place.name() + ", " + parent.name();
                Location location = new Location(id, label, place.type(), parent == null ? null : parent.ids().get(platform.id()));
                List<String> names = new ArrayList<>();
                names.add(TextFold.fold(place.name()));
                place.aliases().forEach(alias -> names.add(TextFold.fold(alias)));
                entries.add(new Entry(location, place, parent == null ? null : parent.name(), List.copyOf(names),
                        level(place)));
            }
        }
        return new LocationIndex(List.copyOf(entries));
    }

    List<Entry> entries() {
        return entries;
    }

    /** The best {@code limit} matches of a query, optionally within one country. */
    List<Entry> search(String query, int limit, String country) {
        String folded = TextFold.fold(query);
        if (folded.isEmpty()) {
            return List.of();
        }
        List<String> queryWords = TextFold.words(folded);
        record Hit(Entry entry, int quality) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Entry entry : entries) {
            if (country != null && !entry.place().country().equals(country)) {
                continue;
            }
            int quality = NONE;
            for (String name : entry.foldedNames()) {
                quality = Math.min(quality, quality(name, folded, queryWords));
            }
            if (quality != NONE) {
                hits.add(new Hit(entry, quality));
            }
        }
        return hits.stream()
                .sorted(Comparator.comparingInt(Hit::quality)
                        .thenComparingInt(h -> h.entry().level())
                        .thenComparing(h -> -h.entry().place().population())
                        .thenComparing(h -> h.entry().location().label()))
                .limit(limit)
                .map(Hit::entry)
                .toList();
    }

    static int quality(String name, String query, List<String> queryWords) {
        if (name.equals(query)) {
            return EXACT;
        }
        if (name.startsWith(query)) {
            return PREFIX;
        }
        List<String> words = TextFold.words(name);
        int next = 0;
        for (String queryWord : queryWords) {
            while (next < words.size() && !words.get(next).startsWith(queryWord)) {
                next++;
            }
            if (next == words.size()) {
                return NONE;
            }
            next++;
        }
        return WORDS;
    }

    /** Divisions rank before cities, cities before neighbourhoods. */
    private static int level(GazetteerPlace place) {
        if (place.firstLevel()) {
            return 0;
        }
        return "neighbourhood".equals(place.type()) ? 2 : 1;
    }
}
