package io.hostreach.campaign.messaging;

import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.lead.Lead;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Conversations, read from this service's own message log (fed by outreach-worker's events and our sends). */
@ApplicationScoped
public class ConversationService {

    // The last message of each lead, newest conversation first; ids only, the rows are loaded as entities.
    private static final String LAST_MESSAGES = """
            select cast(last.id as varchar) from (
                select distinct on (m.lead_id) m.id, m.created_at, m.lead_id from message m
                where m.workspace_id = :ws and m.environment = :env
                order by m.lead_id, m.created_at desc, m.id desc) last
            order by last.created_at desc, last.lead_id
            limit :limit offset :offset""";
    private static final String CONVERSATIONS = """
            select count(distinct m.lead_id) from message m where m.workspace_id = :ws and m.environment = :env""";

    /** One row per lead: who, and the last message either way. */
    @Schema(name = "ConversationSummary")
    public record ConversationSummary(UUID leadId, UUID campaignId, String name, String phone, String leadStatus,
                                      Instant lastMessageAt, MessageView lastMessage) {
    }

    /** A lead's messages, newest first, paginated like every list. */
    @Schema(name = "Conversation")
    public record Conversation(UUID leadId, UUID campaignId, String name, String phone, String leadStatus,
                               List<MessageView> data, int page, int limit, long total) {
    }

    @WithSession
    public Uni<PageView<ConversationSummary>> list(AuthenticatedKey key, PageRequest page) {
        String env = key.environment().apiValue();
        return Panache.getSession().chain(s -> s.createNativeQuery(LAST_MESSAGES, String.class)
                        .setParameter("ws", key.workspaceId()).setParameter("env", env)
                        .setParameter("limit", page.limit()).setParameter("offset", page.offset()).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ConversationSummary>of()) : summaries(
                        ids.stream().map(UUID::fromString).toList()))
                .chain(data -> Panache.getSession().chain(s -> s.createNativeQuery(CONVERSATIONS, Long.class)
                                .setParameter("ws", key.workspaceId()).setParameter("env", env).getSingleResult())
                        .map(total -> new PageView<>(data, page.page(), page.limit(), total)));
    }

    private Uni<List<ConversationSummary>> summaries(List<UUID> messageIds) {
        return Message.<Message>list("id in ?1", messageIds).chain(messages -> {
            Map<UUID, Message> byId = messages.stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
            List<UUID> leadIds = messages.stream().map(m -> m.leadId).distinct().toList();
            return Lead.<Lead>list("id in ?1", leadIds).map(leads -> {
                Map<UUID, Lead> leadById = leads.stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
                return messageIds.stream().map(byId::get).filter(m -> m != null).map(m -> {
                    Lead lead = leadById.get(m.leadId);
                    return new ConversationSummary(m.leadId, lead == null ? m.campaignId : lead.campaignId,
                            lead == null ? null : lead.name, lead == null ? null : lead.phone,
                            lead == null ? null : lead.status, m.createdAt, MessageView.of(m));
                }).toList();
            });
        });
    }

    @WithSession
    public Uni<Conversation> conversation(AuthenticatedKey key, String rawLeadId, PageRequest page) {
        UUID leadId = Ids.parse(rawLeadId, "Lead");
        String env = key.environment().apiValue();
        return Lead.<Lead>find("id = ?1 and workspaceId = ?2 and environment = ?3", leadId, key.workspaceId(), env)
                .firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("Lead not found"))
                .chain(lead -> {
                    var query = Message.<Message>find("leadId = ?1 and workspaceId = ?2 and environment = ?3",
                            Sort.descending("createdAt", "id"), leadId, key.workspaceId(), env);
                    return query.page(Page.of(page.page() - 1, page.limit())).list()
                            .chain(messages -> query.count().map(total -> new Conversation(lead.id, lead.campaignId, lead.name,
                                    lead.phone, lead.status, messages.stream().map(MessageView::of).toList(), page.page(),
                                    page.limit(), total)));
                });
    }
}
