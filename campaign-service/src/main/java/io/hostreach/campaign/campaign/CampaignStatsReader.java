package io.hostreach.campaign.campaign;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lead counts per campaign, for a page of campaigns in one query. */
@ApplicationScoped
public class CampaignStatsReader {

    private static final String COUNTS = """
            select campaign_id,
                   count(*),
                   count(*) filter (where last_contacted_at is not null),
                   count(*) filter (where replied_at is not null),
                   count(*) filter (where status = 'ERROR'),
                   count(*) filter (where opted_out_at is not null)
            from lead where campaign_id in (:ids) group by campaign_id""";

    public Uni<Map<UUID, CampaignView.Stats>> countsFor(Collection<UUID> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNTS, Object[].class)
                        .setParameter("ids", List.copyOf(campaignIds))
                        .getResultList())
                .map(rows -> {
                    Map<UUID, CampaignView.Stats> stats = new HashMap<>();
                    for (Object[] cols : rows) {
                        stats.put((UUID) cols[0], new CampaignView.Stats(num(cols[1]), num(cols[2]), num(cols[3]),
                                num(cols[4]), num(cols[5])));
                    }
                    return stats;
                });
    }

    public Uni<CampaignView.Stats> countsFor(UUID campaignId) {
        return countsFor(List.of(campaignId)).map(m -> m.getOrDefault(campaignId, CampaignView.Stats.NONE));
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }
}
