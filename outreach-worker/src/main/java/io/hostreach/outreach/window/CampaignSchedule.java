package io.hostreach.outreach.window;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A campaign's {@code scheduledHours} x {@code scheduledDays} in its time zone. Each scheduled time opens
 * a slot of {@code slotLength} (sends due by then go out during it, at the throughput the limits allow);
 * days alone allow the whole day, hours alone every day.
 */
public final class CampaignSchedule {

    private CampaignSchedule() {
    }

    /** Empty when the campaign has no schedule: it may send at any time (other rules still apply). */
    public static Optional<WeeklyWindow> of(String scheduledHours, String scheduledDays, ZoneId zone, Duration slotLength) {
        Set<Integer> starts = hours(scheduledHours);
        Set<DayOfWeek> days = days(scheduledDays);
        if (starts.isEmpty() && days.isEmpty()) {
            return Optional.empty();
        }
        List<TimeRange> ranges = new ArrayList<>();
        if (starts.isEmpty()) {
            ranges.add(TimeRange.allDay());
        } else {
            int length = (int) Math.max(1, slotLength.toMinutes());
            for (int start : starts) {
                // A slot that would run past midnight is cut there (the next day has its own slots).
                ranges.add(new TimeRange(start, Math.min(TimeRange.DAY, start + length)));
            }
        }
        Map<DayOfWeek, List<TimeRange>> byDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : days.isEmpty() ? Set.of(DayOfWeek.values()) : days) {
            byDay.put(day, ranges);
        }
        return Optional.of(new WeeklyWindow(zone, byDay, Set.of()));
    }

    /**
     * The start of the scheduled slot {@code now} falls in (a csv_import campaign contacts {@code batchSize}
     * leads per slot); empty outside every slot or without scheduled hours.
     */
    public static Optional<Instant> currentSlotStart(Instant now, String scheduledHours, String scheduledDays, ZoneId zone,
                                                     Duration slotLength) {
        Set<Integer> starts = hours(scheduledHours);
        Set<DayOfWeek> days = days(scheduledDays);
        if (starts.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        Instant best = null;
        for (int back = 0; back <= 1; back++) {
            LocalDate day = local.toLocalDate().minusDays(back);
            if (!days.isEmpty() && !days.contains(day.getDayOfWeek())) {
                continue;
            }
            for (int start : starts) {
                Instant slot = ZonedDateTime.of(day.atTime(start / 60, start % 60), zone).toInstant();
                if (!slot.isAfter(now) && now.isBefore(slot.plus(slotLength)) && (best == null || slot.isAfter(best))) {
                    best = slot;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** "9,14:30" → minutes since midnight; entries campaign-service would have refused are skipped. */
    static Set<Integer> hours(String spec) {
        Set<Integer> minutes = new TreeSet<>();
        if (spec == null) {
            return minutes;
        }
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                String[] hm = p.split(":");
                int h = Integer.parseInt(hm[0]);
                int m = hm.length > 1 ? Integer.parseInt(hm[1]) : 0;
                if (h >= 0 && h < 24 && m >= 0 && m < 60) {
                    minutes.add(h * 60 + m);
                }
            } catch (NumberFormatException ignored) {
                // not a time: skipped
            }
        }
        return minutes;
    }

    /** "1,2,3,4,5" (ISO, 1 = Monday) → days. */
    static Set<DayOfWeek> days(String spec) {
        Set<DayOfWeek> days = new TreeSet<>();
        if (spec == null) {
            return days;
        }
        for (String part : spec.split(",")) {
            try {
                int d = Integer.parseInt(part.trim());
                if (d >= 1 && d <= 7) {
                    days.add(DayOfWeek.of(d));
                }
            } catch (NumberFormatException ignored) {
                // not a day: skipped
            }
        }
        return days;
    }
}
