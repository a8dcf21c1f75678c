package io.hostreach.extraction.lead;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The memory of which listings each campaign (and, for leads, each workspace) has met. */
@ApplicationScoped
public class SeenListings {

    /** One round trip: the campaign's own records, then leads of the workspace's other campaigns. */
    private static final String LOOKUP = """
            select listing_id, cast(extraction_id as varchar) from seen_listing
            where campaign_id = :campaign and portal = :portal and listing_id in (:ids)
            union all
            select distinct listing_id, null from seen_listing
            where workspace_id = :workspace and environment = :environment and portal = :portal
              and lead_id is not null and campaign_id <> :campaign and listing_id in (:ids)""";
    private static final String INSERT = """
            insert into seen_listing (campaign_id, portal, listing_id, workspace_id, environment, extraction_id, lead_id, seen_at)
            values %s on conflict do nothing""";

    /** How each of these listings was met before; listings never met are absent. Needs a session. */
    public Uni<Map<String, SeenBefore>> lookup(UUID campaignId, UUID workspaceId, String environment, String portal,
                                               UUID extractionId, List<String> listingIds) {
        Map<String, SeenBefore> seen = new HashMap<>();
        if (listingIds.isEmpty()) {
            return Uni.createFrom().item(seen);
        }
        String thisRun = extractionId.toString();
        return Panache.getSession().chain(session -> session.createNativeQuery(LOOKUP, Object[].class)
                        .setParameter("campaign", campaignId).setParameter("portal", portal)
                        .setParameter("workspace", workspaceId).setParameter("environment", environment)
                        .setParameter("ids", listingIds).getResultList())
                .map(rows -> {
                    for (Object[] cols : rows) {
                        String listingId = (String) cols[0];
                        if (cols[1] == null) {
                            seen.putIfAbsent(listingId, SeenBefore.OTHER_CAMPAIGN);
                        } else {
                            // The campaign's own record wins over another campaign's lead.
                            seen.put(listingId, thisRun.equals(cols[1].toString()) ? SeenBefore.THIS_RUN : SeenBefore.EARLIER_RUN);
                        }
                    }
                    return seen;
                });
    }

    /** Remembers the listings (a listing the campaign already knows keeps its first record). Needs a transaction. */
    public Uni<Void> remember(UUID campaignId, UUID workspaceId, String environment, UUID extractionId, List<SeenRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:campaign, :portal").append(i).append(", :listing").append(i)
                    .append(", :workspace, :environment, :extraction, cast(:lead").append(i).append(" as uuid), :now)");
        }
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(INSERT.formatted(values))
                    .setParameter("campaign", campaignId).setParameter("workspace", workspaceId)
                    .setParameter("environment", environment).setParameter("extraction", extractionId)
                    .setParameter("now", now);
            for (int i = 0; i < rows.size(); i++) {
                SeenRow row = rows.get(i);
                query.setParameter("portal" + i, row.portal()).setParameter("listing" + i, row.listingId())
                        .setParameter("lead" + i, row.leadId() == null ? null : row.leadId().toString());
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
