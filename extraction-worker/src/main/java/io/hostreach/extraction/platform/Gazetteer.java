package io.hostreach.extraction.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bundled place lists, one pipe-separated file per country in {@code platforms/gazetteer/<cc>.csv}
 * ({@code #} lines are comments describing sources and id provenance). Columns: key, type, name, parent,
 * population, aliases (;-separated), one id column per portal serving the country, verified (portal names).
 */
public final class Gazetteer {

    static final List<String> COUNTRIES = List.of("ES", "IT", "PT", "CO", "MX", "AR");
    private static final int FIXED_COLUMNS = 6;

    private final Map<String, List<GazetteerPlace>> byCountry;

    private Gazetteer(Map<String, List<GazetteerPlace>> byCountry) {
        this.byCountry = byCountry;
    }

    public static Gazetteer fromClasspath() {
        Map<String, List<GazetteerPlace>> byCountry = new LinkedHashMap<>();
        for (String country : COUNTRIES) {
            String resource = "platforms/gazetteer/" + country.toLowerCase() + ".csv";
            try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing gazetteer " + resource);
                }
                byCountry.put(country, parse(country, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable gazetteer " + resource, e);
            }
        }
        return new Gazetteer(byCountry);
    }

    public List<GazetteerPlace> places(String country) {
        return byCountry.getOrDefault(country, List.of());
    }

    static List<GazetteerPlace> parse(String country, BufferedReader reader) throws IOException {
        List<GazetteerPlace> places = new ArrayList<>();
        String[] header = null;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.length != header.length) {
                throw new IllegalStateException(country + " gazetteer line " + number + " has " + cells.length
                        + " cells, expected " + header.length);
            }
            Map<String, String> ids = new LinkedHashMap<>();
            for (int i = FIXED_COLUMNS; i < header.length - 1; i++) {
                if (!cells[i].isEmpty()) {
                    ids.put(header[i], cells[i]);
                }
            }
            places.add(new GazetteerPlace(country, cells[0], cells[1], cells[2], cells[3].isEmpty() ? null : cells[3],
                    cells[4].isEmpty() ? 0 : Long.parseLong(cells[4]), split(cells[5], ";"), Map.copyOf(ids),
                    Set.copyOf(split(cells[header.length - 1], " "))));
        }
        return List.copyOf(places);
    }

    private static List<String> split(String cell, String separator) {
        return cell.isBlank() ? List.of() : Arrays.stream(cell.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
