package io.hostreach.outreach.manual;

import io.hostreach.outreach.common.InternalApi;
import io.hostreach.outreach.common.Page;
import io.hostreach.outreach.common.Paging;
import io.hostreach.outreach.send.Dispatcher;
import io.hostreach.platform.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** Manual-mode tasks for campaign-service's {@code /messaging/tasks}; internal, behind the internal token. */
@Path("/internal/v1")
@InternalApi
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskService tasks;
    private final OutboxRelay relay;
    private final Dispatcher dispatcher;

    public TaskResource(TaskService tasks, OutboxRelay relay, Dispatcher dispatcher) {
        this.tasks = tasks;
        this.relay = relay;
        this.dispatcher = dispatcher;
    }

    @GET
    @Path("workspaces/{workspaceId}/tasks")
    public Uni<Page<TaskView>> list(@PathParam("workspaceId") UUID workspaceId,
                                    @QueryParam("status") @DefaultValue("open") String status,
                                    @QueryParam("environment") @DefaultValue("live") String environment,
                                    @QueryParam("page") @DefaultValue("1") int page,
                                    @QueryParam("limit") @DefaultValue("20") int limit) {
        Paging.check(page, limit);
        return tasks.list(workspaceId, Paging.environment(environment), status, page, limit);
    }

    /** The same, for a task of this workspace and environment only (404 for anyone else's). */
    @POST
    @Path("workspaces/{workspaceId}/tasks/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TaskView> completeInWorkspace(@PathParam("workspaceId") UUID workspaceId, @PathParam("id") UUID id,
                                             @QueryParam("environment") @DefaultValue("live") String environment,
                                             TaskCompletion body) {
        if (body == null) {
            throw new BadRequestException("outcome is required: sent, skipped or replied");
        }
        return tasks.complete(id, body.outcome(), workspaceId, Paging.environment(environment)).invoke(() -> {
            relay.kick();
            dispatcher.kick();
        });
    }

    @POST
    @Path("tasks/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TaskView> complete(@PathParam("id") UUID id, TaskCompletion body) {
        if (body == null) {
            throw new BadRequestException("outcome is required: sent, skipped or replied");
        }
        return tasks.complete(id, body.outcome()).invoke(() -> {
            relay.kick();
            dispatcher.kick(); // the next step may be due at once
        });
    }
}
