package io.hostreach.outreach.manual;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ManualTaskRepository implements PanacheRepositoryBase<ManualTask, UUID> {

    /** The workspace's tasks in a status, the most urgent first. */
    public PanacheQuery<ManualTask> inStatus(UUID workspaceId, String environment, String status) {
        return find("workspaceId = ?1 and environment = ?2 and status = ?3", Sort.by("dueAt").and("createdAt"),
                workspaceId, environment, status);
    }
}
