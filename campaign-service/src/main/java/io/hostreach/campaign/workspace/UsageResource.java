package io.hostreach.campaign.workspace;

import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** {@code GET /usage}: this calendar month's counters (UTC) and the WhatsApp daily limit of each account. */
@ApiScope("")
@Path(PublicApi.PREFIX + "/usage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class UsageResource {

    private static final String COUNTERS = """
            select (select count(*) from extraction_job where workspace_id = :ws and environment = :env and requested_at >= :from),
                   (select count(*) from lead where workspace_id = :ws and environment = :env and created_at >= :from),
                   (select count(*) from message where workspace_id = :ws and environment = :env and sent_at >= :from)""";

    private final CurrentApiKey apiKey;

    public UsageResource(CurrentApiKey apiKey) {
        this.apiKey = apiKey;
    }

    public record Usage(Instant periodStart, Instant periodEnd, long extractionsRun, long leadsCaptured, long messagesSent,
                        List<AccountLimit> whatsappDailyLimits) {
    }

    public record AccountLimit(UUID accountId, String phone, int dailyLimit) {
    }

    @GET
    @WithSession
    @Operation(summary = "This period's usage", description = "Extractions run, leads captured and messages sent this "
            + "calendar month (UTC), and the WhatsApp daily messaging limit in force per account.")
    public Uni<Usage> usage() {
        CurrentApiKey.AuthenticatedKey key = apiKey.get();
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Panache.getSession().chain(s -> s.createNativeQuery(COUNTERS, Object[].class)
                        .setParameter("ws", key.workspaceId()).setParameter("env", key.environment().apiValue())
                        .setParameter("from", from).getSingleResult())
                .chain(counts -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "select id, phone, daily_limit from whatsapp_account where workspace_id = :ws and environment = :env "
                                        + "order by created_at", Object[].class)
                        .setParameter("ws", key.workspaceId()).setParameter("env", key.environment().apiValue())
                        .getResultList())
                        .map(accounts -> new Usage(from, to, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(),
                                ((Number) counts[2]).longValue(), ((List<Object[]>) accounts).stream()
                                .map(a -> new AccountLimit((UUID) a[0], (String) a[1], ((Number) a[2]).intValue())).toList())));
    }
}
