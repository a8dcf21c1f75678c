package io.hostreach.outreach.send;

import io.hostreach.outreach.common.InternalApi;
import io.hostreach.outreach.common.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/**
 * Ad-hoc messages for campaign-service's {@code /messaging/send} and {@code /messaging/send-template}: 202 with
 * the queued message, or 200 with the first one when its client key was seen before. Internal, behind the
 * internal token.
 */
@Path("/internal/v1/workspaces/{workspaceId}/messages")
@InternalApi
@Produces(MediaType.APPLICATION_JSON)
public class AdhocMessageResource {

    private final AdhocMessageService adhoc;
    private final Dispatcher dispatcher;

    public AdhocMessageResource(AdhocMessageService adhoc, Dispatcher dispatcher) {
        this.adhoc = adhoc;
        this.dispatcher = dispatcher;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<MessageView>> queue(@PathParam("workspaceId") UUID workspaceId,
                                                @QueryParam("environment") @DefaultValue("live") String environment,
                                                AdhocRequest request) {
        return adhoc.queue(workspaceId, Paging.environment(environment), request).map(queued -> {
            if (queued.created()) {
                dispatcher.kick(); // due now, most of the time
            }
            return RestResponse.status(queued.created() ? RestResponse.Status.ACCEPTED : RestResponse.Status.OK,
                    queued.message());
        });
    }
}
