package io.hostreach.campaign.campaign;

import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /campaigns/{id}/stats}: the funnel captured → contacted → delivered → read → replied, and the rest. */
@ApplicationScoped
public class CampaignStatsService {

    private static final String FUNNEL = """
            select count(*),
                   count(*) filter (where l.last_contacted_at is not null),
                   (select count(distinct m.lead_id) from message m where m.campaign_id = :id and m.delivered_at is not null),
                   (select count(distinct m.lead_id) from message m where m.campaign_id = :id and m.read_at is not null),
                   count(*) filter (where l.replied_at is not null),
                   count(*) filter (where l.opted_out_at is not null)
            from lead l where l.campaign_id = :id""";

    @Schema(name = "CampaignStats")
    public record Stats(UUID campaignId, Funnel funnel, Map<String, Long> leadsByStatus, Map<String, Long> messages,
                        Map<String, Long> failuresByReason, long optedOut, double replyRate, Map<String, Long> extractions) {
    }

    @Schema(name = "CampaignFunnel")
    public record Funnel(long captured, long contacted, long delivered, long read, long replied) {
    }

    @WithSession
    public Uni<Stats> stats(AuthenticatedKey key, String rawId) {
        UUID id = Ids.parse(rawId, "Campaign");
        return Campaign.count("id = ?1 and workspaceId = ?2 and environment = ?3", id, key.workspaceId(),
                        key.environment().apiValue())
                .invoke(n -> {
                    if (n == 0) {
                        throw ApiException.notFound("Campaign not found");
                    }
                })
                .chain(() -> row(FUNNEL, id))
                .chain(funnel -> grouped("select status, count(*) from lead where campaign_id = :id group by status", id)
                        .chain(byStatus -> grouped("select status, count(*) from message where campaign_id = :id and direction = 'outbound' group by status", id)
                                .chain(messages -> grouped("select coalesce(cast(error_code as varchar), coalesce(error_title, 'unknown')), count(*) "
                                        + "from message where campaign_id = :id and status = 'failed' group by 1", id)
                                        .chain(failures -> grouped("select status, count(*) from extraction_job where campaign_id = :id group by status", id)
                                                .map(extractions -> {
                                                    long contacted = num(funnel[1]);
                                                    long replied = num(funnel[4]);
                                                    return new Stats(id, new Funnel(num(funnel[0]), contacted, num(funnel[2]),
                                                            num(funnel[3]), replied), byStatus, messages, failures, num(funnel[5]),
                                                            contacted == 0 ? 0 : Math.round(1000.0 * replied / contacted) / 1000.0,
                                                            extractions);
                                                })))));
    }

    private static Uni<Object[]> row(String sql, UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("id", id).getSingleResult());
    }

    private static Uni<Map<String, Long>> grouped(String sql, UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).setParameter("id", id).getResultList())
                .map(rows -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    for (Object[] r : (List<Object[]>) rows) {
                        out.put(String.valueOf(r[0]), num(r[1]));
                    }
                    return out;
                });
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }
}
