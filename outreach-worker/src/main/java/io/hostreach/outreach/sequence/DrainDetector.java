package io.hostreach.outreach.sequence;

import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.common.SerialJob;
import io.hostreach.outreach.events.CampaignDrained;
import io.hostreach.outreach.events.OutreachEvents;
import io.hostreach.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Emits {@code campaign.drained} once every lead of a campaign has finished (completed, replied, opted
 * out, failed or was never enrolled), and no new lead has arrived for a quiet period: an import or an
 * extraction still delivering leads must not look drained between two of them. A new enrolment re-arms
 * it. Campaigns are claimed with SKIP LOCKED, so with several replicas each drain is announced once.
 */
@ApplicationScoped
public class DrainDetector {

    private static final Logger LOG = Logger.getLogger(DrainDetector.class);
    private static final int BATCH = 100;
    private static final String DRAINED = """
            select c.id, c.workspace_id, c.environment from campaign c
            where c.drained_at is null and c.status <> 'completed'
              and exists (select 1 from enrolment e where e.campaign_id = c.id)
              and not exists (select 1 from enrolment e where e.campaign_id = c.id and e.status in ('ACTIVE', 'WAITING'))
              and (select max(e.created_at) from enrolment e where e.campaign_id = c.id) < :quietSince
            limit 100 for update of c skip locked""";

    private final OutreachEvents events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration quietPeriod;
    private final SerialJob job;

    public DrainDetector(OutreachEvents events, OutboxRelay relay, Clock clock, Vertx vertx,
                         @ConfigProperty(name = "hostreach.outreach.drain.quiet-period", defaultValue = "PT30S") Duration quietPeriod) {
        this.events = events;
        this.relay = relay;
        this.clock = clock;
        this.quietPeriod = quietPeriod;
        this.job = new SerialJob("drain-detector", vertx, this::round, LOG);
    }

    @Scheduled(identity = "outreach-drain-detector", every = "${hostreach.outreach.drain.interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return job.run();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        job.stop();
    }

    private Uni<Boolean> round() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Db.nativeList(DRAINED, Object[].class, Map.of("quietSince", now.minus(quietPeriod)))
                        .chain(rows -> Multi.createFrom().iterable(rows)
                                .onItem().transformToUniAndConcatenate(row -> drained(row, now))
                                .collect().asList()))
                .invoke(done -> {
                    if (!done.isEmpty()) {
                        relay.kick();
                    }
                })
                .map(done -> done.size() == BATCH);
    }

    private Uni<Void> drained(Object[] row, Instant now) {
        UUID campaignId = (UUID) row[0];
        LOG.infof("campaign %s drained: every lead has finished its sequence", campaignId);
        return Db.update("update Campaign set drainedAt = :now where id = :id", Map.of("now", now, "id", campaignId))
                .chain(() -> events.drained(new CampaignDrained(campaignId, (UUID) row[1], (String) row[2], now)));
    }

    /** For callers in a transaction that enrol a lead: the campaign is no longer drained. */
    public static Uni<Integer> rearm(UUID campaignId) {
        return Db.update("update Campaign set drainedAt = null where id = :id and drainedAt is not null", Map.of("id", campaignId));
    }
}
