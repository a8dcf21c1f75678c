package io.hostreach.campaign.lead;

import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.UUID;

/** Paginated lead lists, always fenced by the key's workspace and environment. */
@ApplicationScoped
public class LeadQuery {

    private final LeadMapper mapper;

    public LeadQuery(LeadMapper mapper) {
        this.mapper = mapper;
    }

    /** Filters are optional; {@code q} matches name, phone or email. */
    public record Filters(String status, UUID campaignId, UUID extractionId, String platform, String q) {
    }

    public Uni<PageView<LeadView>> list(AuthenticatedKey key, Filters f, PageRequest page) {
        StringBuilder where = new StringBuilder("workspaceId = :ws and environment = :env");
        Parameters params = Parameters.with("ws", key.workspaceId()).and("env", key.environment().apiValue());
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status());
        }
        if (f.campaignId() != null) {
            where.append(" and campaignId = :campaign");
            params.and("campaign", f.campaignId());
        }
        if (f.extractionId() != null) {
            where.append(" and extractionId = :extraction");
            params.and("extraction", f.extractionId());
        }
        if (f.platform() != null) {
            where.append(" and campaignId in (select c.id from Campaign c where c.platform = :platform)");
            params.and("platform", f.platform());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (lower(name) like :q or phone like :q or lower(email) like :q)");
            params.and("q", "%" + f.q().trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var query = Lead.<Lead>find(where.toString(), Sort.descending("createdAt", "id"), params);
        return query.page(Page.of(page.page() - 1, page.limit())).list()
                .chain(leads -> query.count().map(total -> new PageView<>(
                        leads.stream().map(mapper::view).toList(), page.page(), page.limit(), total)));
    }
}
