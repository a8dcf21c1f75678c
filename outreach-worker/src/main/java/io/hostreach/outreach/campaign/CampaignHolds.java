package io.hostreach.outreach.campaign;

import io.hostreach.outreach.common.Db;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Holds a campaign's sends after a provider error that a human must fix (a paused template, a restricted
 * number, an expired token). The hold is this worker's own mark, so sending stops at once, before
 * campaign-service has paused the campaign; resuming the campaign (a status change to running) lifts it.
 * Call inside a transaction.
 */
@ApplicationScoped
public class CampaignHolds {

    private final Clock clock;

    public CampaignHolds(Clock clock) {
        this.clock = clock;
    }

    /** @return the campaigns this call held (empty if it was held already) */
    public Uni<List<UUID>> holdCampaign(UUID campaignId, String code, String reason) {
        return Db.update("""
                        update Campaign set holdCode = :code, holdReason = :reason, heldAt = :now
                        where id = :id and holdCode is null""",
                        Map.of("code", code, "reason", reason, "now", clock.instant(), "id", campaignId))
                .map(n -> n == 1 ? List.of(campaignId) : List.of());
    }

    /** Holds every running or paused campaign that sends from the account. */
    public Uni<List<UUID>> holdAccount(String accountId, String code, String reason) {
        return Db.nativeList("""
                        select id from campaign where hold_code is null and status in ('running', 'paused')
                        and settings::jsonb ->> 'accountId' = :account for update""",
                        UUID.class, Map.of("account", accountId))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<UUID>of())
                        : Db.update("""
                                update Campaign set holdCode = :code, holdReason = :reason, heldAt = :now
                                where id in :ids and holdCode is null""",
                                Map.of("code", code, "reason", reason, "now", clock.instant(), "ids", ids))
                        .replaceWith(ids));
    }

    /** The campaign was resumed: its sends go again. */
    public static void lift(Campaign campaign) {
        campaign.holdCode = null;
        campaign.holdReason = null;
        campaign.heldAt = null;
    }
}
