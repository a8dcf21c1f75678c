package io.hostreach.extraction.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.campaign.Campaign;
import io.hostreach.extraction.campaign.CampaignRepository;
import io.hostreach.extraction.run.ExtractionRunner;
import io.hostreach.extraction.source.LivePortals;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * Queues the schedule slots that are due: for each running portal campaign with a schedule, the slot to run now
 * ({@link Schedule#due}), claimed once across replicas ({@link ScheduleSlots}). Runs every tick on every replica;
 * the claims make that harmless.
 */
@ApplicationScoped
public class ScheduleTicker {

    private static final Logger LOG = Logger.getLogger(ScheduleTicker.class);

    private final CampaignRepository campaigns;
    private final ScheduleSlots slots;
    private final ExtractionRunner runner;
    private final ObjectMapper mapper;
    private final boolean enabled;

    public ScheduleTicker(CampaignRepository campaigns, ScheduleSlots slots, ExtractionRunner runner, ObjectMapper mapper,
                          @ConfigProperty(name = "hostreach.schedule.enabled", defaultValue = "true") boolean enabled) {
        this.campaigns = campaigns;
        this.slots = slots;
        this.runner = runner;
        this.mapper = mapper;
        this.enabled = enabled;
    }

    @Scheduled(identity = "extraction-schedule", every = "${hostreach.schedule.tick:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return tickAt(Instant.now()).replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf("schedule tick failed: %s", f.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Queues what is due at {@code now}. @return the number of runs queued by this call */
    public Uni<Integer> tickAt(Instant now) {
        return Panache.withSession(() -> campaigns.list("status", "running"))
                .chain(running -> Multi.createFrom().iterable(running)
                        .onItem().transformToUniAndConcatenate(campaign -> queueDue(campaign, now))
                        .collect().asList())
                .map(queued -> (int) queued.stream().filter(Boolean::booleanValue).count())
                .invoke(queued -> {
                    if (queued > 0) {
                        runner.kick();
                    }
                });
    }

    private Uni<Boolean> queueDue(Campaign campaign, Instant now) {
        if (!LivePortals.isPortal(campaign.platform)) {
            return Uni.createFrom().item(false);
        }
        Optional<Instant> slot;
        try {
            slot = scheduleOf(campaign).flatMap(schedule -> schedule.due(now, campaign.runningSince));
        } catch (Exception e) {
            LOG.warnf("campaign %s has a schedule this worker cannot read: %s", campaign.id, e.getMessage());
            return Uni.createFrom().item(false);
        }
        if (slot.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return slots.claim(campaign.id, slot.get()).invoke(claimed -> {
            if (claimed) {
                LOG.infof("campaign %s: schedule slot %s queued as run %s", campaign.id, slot.get(),
                        ScheduleSlots.runId(campaign.id, slot.get()));
            }
        });
    }

    private Optional<Schedule> scheduleOf(Campaign campaign) throws java.io.IOException {
        JsonNode settings = mapper.readTree(campaign.settings);
        String timezone = campaign.timezone != null ? campaign.timezone : text(settings, "timezone");
        return Schedule.of(text(settings, "scheduledHours"), text(settings, "scheduledDays"), timezone);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
