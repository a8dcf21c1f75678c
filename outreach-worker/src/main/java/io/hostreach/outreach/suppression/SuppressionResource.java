package io.hostreach.outreach.suppression;

import io.hostreach.outreach.common.InternalApi;
import io.hostreach.outreach.common.Page;
import io.hostreach.outreach.common.Paging;
import io.hostreach.outreach.enrolment.EnrolmentStatus;
import io.hostreach.outreach.phone.Phones;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * The suppression list for campaign-service's {@code /suppressions}: list, add, remove; numbers in E.164.
 * Internal, behind the internal token.
 */
@Path("/internal/v1/workspaces/{workspaceId}/suppressions")
@InternalApi
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionResource {

    private final SuppressionService suppressions;
    private final SuppressionRepository repository;

    public SuppressionResource(SuppressionService suppressions, SuppressionRepository repository) {
        this.suppressions = suppressions;
        this.repository = repository;
    }

    @GET
    public Uni<Page<SuppressionView>> list(@PathParam("workspaceId") UUID workspaceId,
                                           @QueryParam("environment") @DefaultValue("live") String environment,
                                           @QueryParam("page") @DefaultValue("1") int page,
                                           @QueryParam("limit") @DefaultValue("20") int limit) {
        Paging.check(page, limit);
        String env = Paging.environment(environment);
        return Panache.withSession(() -> {
            var query = repository.find("key.workspaceId = ?1 and key.environment = ?2",
                    Sort.descending("createdAt").and("key.phone"), workspaceId, env).page(page - 1, limit);
            return query.list().chain(found -> query.count()
                    .map(total -> new Page<>(found.stream().map(SuppressionView::of).toList(), page, limit, total)));
        });
    }

    /** 201 when the number was added, 200 when it was on the list already (its first reason stays). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<SuppressionView>> add(@PathParam("workspaceId") UUID workspaceId,
                                                  @QueryParam("environment") @DefaultValue("live") String environment,
                                                  SuppressionRequest request) {
        String env = Paging.environment(environment);
        String phone = normalise(request == null ? null : request.phone());
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
        if (reason != null && reason.length() > 255) {
            throw new BadRequestException("reason must be at most 255 characters");
        }
        Suppression.Key key = new Suppression.Key(workspaceId, env, phone);
        return Panache.withTransaction(() -> repository.findById(key).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(RestResponse.ok(SuppressionView.of(existing)));
            }
            return suppressions.add(workspaceId, env, phone, reason, SuppressionSource.MANUAL, EnrolmentStatus.SUPPRESSED)
                    .chain(() -> repository.findById(key))
                    .map(created -> RestResponse.status(RestResponse.Status.CREATED, SuppressionView.of(created)));
        }));
    }

    /** Which of these numbers must not be contacted (campaign-service asks before storing a CSV import). */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SuppressionCheck.Response> check(@PathParam("workspaceId") UUID workspaceId,
                                                @QueryParam("environment") @DefaultValue("live") String environment,
                                                SuppressionCheck.Request request) {
        String env = Paging.environment(environment);
        if (request == null || request.phones() == null) {
            throw new BadRequestException("phones is required: a list of numbers in E.164");
        }
        if (request.phones().size() > SuppressionCheck.MAX_PHONES) {
            throw new BadRequestException("phones may hold at most " + SuppressionCheck.MAX_PHONES + " numbers per request");
        }
        java.util.List<String> phones = request.phones().stream().filter(p -> p != null && !p.isBlank()).distinct().toList();
        return Panache.withSession(() -> suppressions.suppressedAmongMany(workspaceId, env, phones))
                .map(found -> new SuppressionCheck.Response(phones.stream().filter(found::contains).toList()));
    }

    @DELETE
    @Path("{phone}")
    public Uni<RestResponse<Void>> remove(@PathParam("workspaceId") UUID workspaceId, @PathParam("phone") String phone,
                                          @QueryParam("environment") @DefaultValue("live") String environment) {
        return delete(workspaceId, phone, environment);
    }

    /** The same, with the number as a query parameter ({@code ?phone=%2B34612345678}). */
    @DELETE
    public Uni<RestResponse<Void>> removeByQuery(@PathParam("workspaceId") UUID workspaceId, @QueryParam("phone") String phone,
                                                 @QueryParam("environment") @DefaultValue("live") String environment) {
        return delete(workspaceId, phone, environment);
    }

    private Uni<RestResponse<Void>> delete(UUID workspaceId, String phone, String environment) {
        Suppression.Key key = new Suppression.Key(workspaceId, Paging.environment(environment), normalise(phone));
        return Panache.withTransaction(() -> repository.deleteById(key)).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException("phone " + key.phone() + " is not on the suppression list");
            }
            return RestResponse.noContent();
        });
    }

    /** Any common way of writing an international number; a bare number of digits is read as having its country code. */
    static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadRequestException("phone is required");
        }
        String candidate = raw.trim();
        if (candidate.startsWith("00")) {
            candidate = "+" + candidate.substring(2);
        } else if (!candidate.startsWith("+")) {
            candidate = "+" + candidate;
        }
        return Phones.any(candidate, null)
                .orElseThrow(() -> new BadRequestException("phone must be a valid international number (E.164, e.g. +34612345678)"))
                .e164();
    }
}
