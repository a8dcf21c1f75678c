package io.hostreach.outreach.window;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Hours with no sends in the recipient's time zone, e.g. {@code 21:00-09:00}; {@code none} turns them off.
 * Stored as the complementary allowed ranges.
 */
public record QuietHours(List<TimeRange> allowed) {

    public static Optional<QuietHours> parse(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        String[] parts = spec.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours must look like 21:00-09:00, not " + spec);
        }
        int quietFrom = TimeRange.minutes(parts[0].trim());
        int quietTo = TimeRange.minutes(parts[1].trim());
        if (quietFrom == quietTo) {
            return Optional.empty();
        }
        List<TimeRange> allowed = quietFrom > quietTo
                ? List.of(new TimeRange(quietTo, quietFrom)) // quiet across midnight
                : Arrays.stream(new TimeRange[]{quietFrom == 0 ? null : new TimeRange(0, quietFrom),
                        quietTo == TimeRange.DAY ? null : new TimeRange(quietTo, TimeRange.DAY)})
                .filter(Objects::nonNull).toList();
        return Optional.of(new QuietHours(allowed));
    }

    public WeeklyWindow in(ZoneId zone) {
        return WeeklyWindow.daily(zone, allowed);
    }
}
