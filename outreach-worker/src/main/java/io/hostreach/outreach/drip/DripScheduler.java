package io.hostreach.outreach.drip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.campaign.CampaignSettings;
import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.enrolment.Enrolment;
import io.hostreach.outreach.send.Dispatcher;
import io.hostreach.outreach.send.OutreachMessage;
import io.hostreach.outreach.window.CampaignSchedule;
import io.hostreach.outreach.window.SendWindowPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Releases the drip of running csv_import campaigns: while a scheduled slot ({@code scheduledHours} on
 * {@code scheduledDays} in the campaign's time zone) is open, the next waiting enrolled leads, oldest first,
 * get their first message, up to {@code batchSize} for the whole slot. The slot's {@code drip_slot} row
 * (unique per campaign and slot start) is created once and locked while releasing, so concurrent replicas
 * and restarts add up to {@code batchSize} per slot, never more. Only the slot open now is released: one
 * that passed while the service was down is skipped, not made up on top of the next one.
 */
@ApplicationScoped
public class DripScheduler {

    private static final Logger LOG = Logger.getLogger(DripScheduler.class);

    private static final String RUNNING = """
            select c.* from campaign c
            where c.platform = 'csv_import' and c.status = 'running' and c.hold_code is null""";
    private static final String OPEN_SLOT = """
            insert into drip_slot (campaign_id, slot_start, released, released_at) values (:campaign, :slot, 0, :now)
            on conflict do nothing""";
    private static final String LOCK_SLOT = """
            select released from drip_slot where campaign_id = :campaign and slot_start = :slot for update""";
    private static final String WAITING = """
            select e.* from enrolment e
            where e.campaign_id = :campaign and e.status = 'ACTIVE'
              and not exists (select 1 from outreach_message m where m.enrolment_id = e.id)
            order by e.created_at, e.id
            limit :limit""";
    private static final String RECORD = """
            update drip_slot set released = released + :count, released_at = :now
            where campaign_id = :campaign and slot_start = :slot""";

    private final SendWindowPolicy windows;
    private final Dispatcher dispatcher;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration slotLength;

    public DripScheduler(SendWindowPolicy windows, Dispatcher dispatcher, ObjectMapper mapper, Clock clock,
                         @ConfigProperty(name = "hostreach.outreach.schedule.slot-length", defaultValue = "PT1H") Duration slotLength) {
        this.windows = windows;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
        this.clock = clock;
        this.slotLength = slotLength;
    }

    @Scheduled(identity = "outreach-drip", every = "${hostreach.outreach.drip.interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return releaseAt(clock.instant())
                .invoke(released -> {
                    if (released > 0) {
                        dispatcher.kick();
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("drip release failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Releases what the slots open at {@code now} still allow; answers how many first messages it created. */
    public Uni<Integer> releaseAt(Instant now) {
        return Panache.withSession(() -> Db.nativeList(RUNNING, Campaign.class, Map.of()))
                .chain(campaigns -> Multi.createFrom().iterable(campaigns)
                        .onItem().transformToUniAndConcatenate(c -> release(c, now))
                        .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    private Uni<Integer> release(Campaign campaign, Instant now) {
        CampaignSettings settings = CampaignSettings.of(campaign, mapper);
        if (!Drip.applies(campaign, settings)) {
            return Uni.createFrom().item(0);
        }
        ZoneId zone = windows.zoneOf(settings.schedule().timezone());
        Optional<Instant> slot = CampaignSchedule.currentSlotStart(now, settings.schedule().scheduledHours(),
                settings.schedule().scheduledDays(), zone, slotLength);
        if (slot.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int batchSize = settings.batchSize();
        Map<String, Object> key = Map.of("campaign", campaign.id, "slot", slot.get());
        return Panache.withTransaction(() -> Db.execute(OPEN_SLOT, Map.of("campaign", campaign.id, "slot", slot.get(), "now", now))
                .chain(() -> Db.nativeList(LOCK_SLOT, Integer.class, key))
                .chain(released -> {
                    int room = batchSize - released.get(0);
                    if (room <= 0) {
                        return Uni.createFrom().item(0);
                    }
                    return Db.nativeList(WAITING, Enrolment.class, Map.of("campaign", campaign.id, "limit", room))
                            .chain(waiting -> waiting.isEmpty() ? Uni.createFrom().item(0) : firstMessages(waiting, now)
                                    .chain(() -> Db.execute(RECORD, Map.of("count", waiting.size(), "now", now,
                                            "campaign", campaign.id, "slot", slot.get())))
                                    .invoke(() -> LOG.infof("campaign %s: slot %s released %d leads", campaign.id, slot.get(),
                                            waiting.size()))
                                    .replaceWith(waiting.size()));
                }));
    }

    private Uni<Void> firstMessages(List<Enrolment> waiting, Instant now) {
        return Panache.getSession().chain(session -> Multi.createFrom().iterable(waiting)
                .onItem().transformToUniAndConcatenate(e -> session.persist(OutreachMessage.pending(e.id, e.leadId,
                        e.campaignId, e.workspaceId, e.environment, 1, e.phone, now, now)))
                .collect().last()
                .replaceWithVoid());
    }
}
