package io.hostreach.campaign.lead;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Stores captured leads. A lead is unique per workspace and environment by (portal, listing id) and by
 * phone: a second capture updates the first and counts as a duplicate. Runs inside the consumer's
 * transaction.
 */
@ApplicationScoped
public class LeadStore {

    private static final Logger LOG = Logger.getLogger(LeadStore.class);

    public enum Outcome { CREATED, DUPLICATE }

    public Uni<Outcome> capture(LeadCaptured c) {
        return existing(c).chain(found -> {
            Instant now = Instant.now();
            if (found != null) {
                found.capturedCount++;
                found.updatedAt = now;
                if (c.name() != null) {
                    found.name = c.name();
                }
                if (found.phone == null && c.phone() != null) {
                    found.phone = c.phone();
                }
                if (c.listing() != null && c.listingId() != null && c.listingId().equals(found.listingId)) {
                    found.listing = c.listing().toString();
                }
                LOG.debugf("lead %s captured again (duplicate)", found.id);
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            Lead lead = new Lead();
            lead.id = c.leadId();
            lead.workspaceId = c.workspaceId();
            lead.environment = c.environment();
            lead.campaignId = c.campaignId();
            lead.extractionId = c.extractionId();
            lead.source = c.source();
            lead.status = LeadStatus.PENDING;
            lead.name = c.name();
            lead.phone = c.phone();
            lead.email = c.email();
            lead.advertiserType = c.advertiserType();
            lead.portal = c.portal();
            lead.listingId = c.listingId();
            lead.listing = c.listing() == null ? null : c.listing().toString();
            lead.attributes = c.attributes() == null ? null : c.attributes().toString();
            lead.capturedCount = 1;
            lead.createdAt = c.capturedAt();
            lead.updatedAt = now;
            return lead.persist().replaceWith(Outcome.CREATED);
        });
    }

    private Uni<Lead> existing(LeadCaptured c) {
        Uni<Lead> byId = Lead.findById(c.leadId());
        return byId.chain(found -> {
            if (found != null || c.listingId() == null) {
                return Uni.createFrom().item(found);
            }
            return Lead.<Lead>find("workspaceId = ?1 and environment = ?2 and portal = ?3 and listingId = ?4",
                    c.workspaceId(), c.environment(), c.portal(), c.listingId()).firstResult();
        }).chain(found -> found != null || c.phone() == null ? Uni.createFrom().item(found)
                : Lead.<Lead>find("workspaceId = ?1 and environment = ?2 and phone = ?3",
                        c.workspaceId(), c.environment(), c.phone()).firstResult());
    }
}
