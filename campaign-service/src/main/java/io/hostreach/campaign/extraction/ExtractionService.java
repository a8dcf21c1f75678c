package io.hostreach.campaign.extraction;

import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.lead.LeadQuery;
import io.hostreach.campaign.lead.LeadView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Reads extraction jobs and the leads they captured. */
@ApplicationScoped
public class ExtractionService {

    private final LeadQuery leads;

    public ExtractionService(LeadQuery leads) {
        this.leads = leads;
    }

    @WithSession
    public Uni<PageView<ExtractionJobView>> list(AuthenticatedKey key, PageRequest page) {
        var query = ExtractionJob.<ExtractionJob>find("workspaceId = ?1 and environment = ?2",
                Sort.descending("requestedAt", "id"), key.workspaceId(), key.environment().apiValue());
        return query.page(Page.of(page.page() - 1, page.limit())).list()
                .chain(jobs -> query.count().map(total -> new PageView<>(
                        jobs.stream().map(ExtractionJobView::of).toList(), page.page(), page.limit(), total)));
    }

    @WithSession
    public Uni<ExtractionJobView> get(AuthenticatedKey key, String id) {
        return find(key, id).map(ExtractionJobView::of);
    }

    @WithSession
    public Uni<PageView<LeadView>> leads(AuthenticatedKey key, String id, PageRequest page) {
        return find(key, id).chain(job -> leads.list(key, new LeadQuery.Filters(null, null, job.id, null, null), page));
    }

    private Uni<ExtractionJob> find(AuthenticatedKey key, String rawId) {
        UUID id = Ids.parse(rawId, "Extraction");
        return ExtractionJob.<ExtractionJob>find("id = ?1 and workspaceId = ?2 and environment = ?3", id,
                        key.workspaceId(), key.environment().apiValue()).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("Extraction not found"));
    }
}
