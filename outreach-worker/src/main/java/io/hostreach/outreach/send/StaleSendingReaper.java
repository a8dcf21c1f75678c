package io.hostreach.outreach.send;

import io.hostreach.outreach.common.Contexts;
import io.hostreach.outreach.common.Db;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A message left SENDING longer than the timeout was claimed by a replica that died (or lost its answer)
 * between recording the attempt and recording the provider's answer. It becomes UNKNOWN: never sent
 * again blindly; a status webhook carrying its id settles it. The sandbox is ours, so it can answer for
 * sure: an UNKNOWN sandbox message it never received goes back to PENDING.
 */
@ApplicationScoped
public class StaleSendingReaper {

    private static final Logger LOG = Logger.getLogger(StaleSendingReaper.class);
    private static final String NEVER_REACHED_SANDBOX = """
            update outreach_message m set status = 'PENDING', due_at = :now, updated_at = :now,
                   error_title = 'never reached the sandbox: sent again'
            where m.status = 'UNKNOWN' and m.channel = 'sandbox' and m.claimed_at < :cutoff
              and not exists (select 1 from sandbox_event s where s.message_id = m.id)""";

    private final Clock clock;
    private final Vertx vertx;
    private final Duration timeout;

    public StaleSendingReaper(Clock clock, Vertx vertx,
                              @ConfigProperty(name = "hostreach.outreach.sending-timeout", defaultValue = "PT2M") Duration timeout) {
        this.clock = clock;
        this.vertx = vertx;
        this.timeout = timeout;
    }

    @Scheduled(identity = "outreach-stale-sending-reaper", every = "${hostreach.outreach.reaper.interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return reapNow().replaceWithVoid().onFailure().recoverWithNull();
    }

    /** @return how many messages became UNKNOWN (callable from any thread: operators, tests) */
    public Uni<Integer> reap() {
        return Contexts.onFreshContext(vertx, this::reapNow);
    }

    private Uni<Integer> reapNow() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(timeout);
        return Panache.withTransaction(() -> Db.update("""
                                update OutreachMessage set status = 'UNKNOWN', updatedAt = :now,
                                       errorTitle = 'no answer recorded within the sending timeout'
                                where status = 'SENDING' and claimedAt < :cutoff""",
                        Map.of("now", now, "cutoff", cutoff))
                .call(unknown -> Db.execute(NEVER_REACHED_SANDBOX, Map.of("now", now, "cutoff", cutoff))
                        .invoke(requeued -> {
                            if (unknown > 0) {
                                LOG.warnf("%d message(s) left SENDING past %s are now UNKNOWN (settled by status webhooks, "
                                        + "never resent blindly)", unknown, timeout);
                            }
                            if (requeued > 0) {
                                LOG.infof("%d sandbox message(s) the sandbox never received are pending again", requeued);
                            }
                        })));
    }
}
