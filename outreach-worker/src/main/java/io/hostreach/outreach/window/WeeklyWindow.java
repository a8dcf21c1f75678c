package io.hostreach.outreach.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Allowed local-time ranges per weekday in one time zone, minus closed dates (public holidays). Quiet
 * hours, legal contact windows and a campaign's schedule are all of this shape.
 */
public final class WeeklyWindow implements WindowRule {

    private static final int HORIZON_DAYS = 370;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<TimeRange>> ranges;
    private final Set<LocalDate> closed;

    public WeeklyWindow(ZoneId zone, Map<DayOfWeek, List<TimeRange>> ranges, Set<LocalDate> closed) {
        this.zone = zone;
        this.ranges = new EnumMap<>(DayOfWeek.class);
        ranges.forEach((day, list) -> this.ranges.put(day,
                list.stream().sorted(Comparator.comparingInt(TimeRange::startMinute)).toList()));
        this.closed = Set.copyOf(closed);
    }

    /** The same ranges every day of the week. */
    public static WeeklyWindow daily(ZoneId zone, List<TimeRange> ranges) {
        Map<DayOfWeek, List<TimeRange>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            byDay.put(day, ranges);
        }
        return new WeeklyWindow(zone, byDay, Set.of());
    }

    @Override
    public Instant nextOpen(Instant t) {
        LocalDate first = t.atZone(zone).toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            LocalDate day = first.plusDays(i);
            if (closed.contains(day)) {
                continue;
            }
            for (TimeRange range : ranges.getOrDefault(day.getDayOfWeek(), List.of())) {
                Instant start = at(day, range.startMinute());
                Instant end = at(day, range.endMinute());
                if (t.isBefore(end)) {
                    return t.isBefore(start) ? start : t;
                }
            }
        }
        return null;
    }

    private Instant at(LocalDate day, int minute) {
        if (minute == TimeRange.DAY) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        // A time inside a daylight-saving gap moves forward, as the clocks did.
        return ZonedDateTime.of(day.atTime(minute / 60, minute % 60), zone).toInstant();
    }

    @Override
    public String toString() {
        return "WeeklyWindow[" + zone + " " + ranges + (closed.isEmpty() ? "" : " closed " + closed.size() + " dates") + "]";
    }
}
