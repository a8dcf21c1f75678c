package io.hostreach.outreach.window;

import io.hostreach.outreach.phone.RecipientZones;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a message to a recipient of {@code region} may go for a campaign: the campaign's schedule in its
 * time zone, the quiet hours and the recipient country's legal window in every time zone the recipient
 * may be in. Automatic sends and manual tasks both go through here.
 */
@ApplicationScoped
public class SendWindowPolicy {

    private static final Logger LOG = Logger.getLogger(SendWindowPolicy.class);
    private static final int CACHE_LIMIT = 10_000;

    private final Optional<QuietHours> quietHours;
    private final Duration slotLength;
    private final ZoneId defaultZone;
    private final Map<Key, List<WindowRule>> cache = new ConcurrentHashMap<>();
    private final Map<String, Boolean> warnedStaleHolidays = new ConcurrentHashMap<>();

    private record Key(ScheduleSpec schedule, String region) {
    }

    public SendWindowPolicy(@ConfigProperty(name = "hostreach.outreach.quiet-hours", defaultValue = "21:00-09:00") String quietHours,
                            @ConfigProperty(name = "hostreach.outreach.schedule.slot-length", defaultValue = "PT1H") Duration slotLength,
                            @ConfigProperty(name = "hostreach.outreach.default-timezone", defaultValue = "Europe/Madrid") String defaultZone) {
        this.quietHours = QuietHours.parse(quietHours);
        this.slotLength = slotLength;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    /** The first moment at or after {@code now} when the message may go; empty if never within a year. */
    public Optional<Instant> nextAllowed(Instant now, ScheduleSpec schedule, String region) {
        LegalContactWindows.forRegion(region).ifPresent(rule -> warnIfHolidaysRunOut(region, rule, now));
        return SendWindows.nextAllowed(now, rules(schedule, region));
    }

    /** A campaign's time zone, or the configured default when it has none (or an unknown one). */
    public ZoneId zoneOf(String id) {
        if (id == null || id.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }

    List<WindowRule> rules(ScheduleSpec schedule, String region) {
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        return cache.computeIfAbsent(new Key(schedule, region), this::build);
    }

    private List<WindowRule> build(Key key) {
        ZoneId campaignZone = zoneOf(key.schedule().timezone());
        List<WindowRule> rules = new ArrayList<>();
        CampaignSchedule.of(key.schedule().scheduledHours(), key.schedule().scheduledDays(), campaignZone, slotLength)
                .ifPresent(rules::add);
        List<ZoneId> recipientZones = RecipientZones.of(key.region(), campaignZone);
        quietHours.ifPresent(quiet -> recipientZones.forEach(zone -> rules.add(quiet.in(zone))));
        LegalContactWindows.forRegion(key.region())
                .ifPresent(legal -> recipientZones.forEach(zone -> rules.add(legal.in(zone))));
        return List.copyOf(rules);
    }

    private void warnIfHolidaysRunOut(String region, LegalContactWindows.CountryRule rule, Instant now) {
        if (now.atZone(ZoneOffset.UTC).getYear() > rule.listedUntil() && warnedStaleHolidays.putIfAbsent(region, true) == null) {
            LOG.warnf("the public holiday list of %s ends in %d: extend it (window/holidays-%s.txt)", region,
                    rule.listedUntil(), region);
        }
    }
}
