package io.hostreach.outreach.enrolment;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnrolmentRepository implements PanacheRepositoryBase<Enrolment, UUID> {

    public Uni<Enrolment> findByLead(UUID leadId, UUID campaignId) {
        return find("leadId = ?1 and campaignId = ?2", leadId, campaignId).firstResult();
    }

    public Uni<List<Enrolment>> waiting(UUID campaignId) {
        return list("campaignId = ?1 and status = ?2", campaignId, EnrolmentStatus.WAITING);
    }
}
