package io.hostreach.outreach.window;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the law of the recipient's country allows commercial contact, in the recipient's time zone. These
 * are hard limits, not settings: Colombia (Ley 2300 de 2023) allows Monday to Friday 07:00-19:00 and
 * Saturday 08:00-15:00, never Sundays or public holidays.
 */
public final class LegalContactWindows {

    /** One country's weekly ranges and closed dates; {@code listedUntil} is the last year its holidays cover. */
    public record CountryRule(Map<DayOfWeek, List<TimeRange>> weekly, Set<LocalDate> holidays, int listedUntil) {

        public WeeklyWindow in(ZoneId zone) {
            return new WeeklyWindow(zone, weekly, holidays);
        }
    }

    private static final Map<String, CountryRule> RULES = Map.of("CO", colombia());

    private LegalContactWindows() {
    }

    public static Optional<CountryRule> forRegion(String region) {
        return region == null ? Optional.empty() : Optional.ofNullable(RULES.get(region.toUpperCase()));
    }

    private static CountryRule colombia() {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekly.put(day, List.of(TimeRange.of("07:00", "19:00")));
        }
        weekly.put(DayOfWeek.SATURDAY, List.of(TimeRange.of("08:00", "15:00")));
        Set<LocalDate> holidays = holidays("/window/holidays-CO.txt");
        int until = holidays.stream().mapToInt(LocalDate::getYear).max().orElse(0);
        return new CountryRule(weekly, holidays, until);
    }

    /** Reads {@code yyyy-MM-dd name} lines; {@code #} starts a comment. */
    static Set<LocalDate> holidays(String resource) {
        Set<LocalDate> dates = new TreeSet<>();
        try (InputStream in = LegalContactWindows.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing holiday list " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    dates.add(LocalDate.parse(trimmed.split("\\s+", 2)[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dates;
    }
}
