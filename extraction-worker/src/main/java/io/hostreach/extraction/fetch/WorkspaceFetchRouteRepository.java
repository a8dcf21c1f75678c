package io.hostreach.extraction.fetch;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class WorkspaceFetchRouteRepository implements PanacheRepositoryBase<WorkspaceFetchRoute, UUID> {
}
