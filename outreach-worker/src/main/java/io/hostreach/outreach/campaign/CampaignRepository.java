package io.hostreach.outreach.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    /**
     * Stores the snapshot unless the stored campaign is as new or newer (events may come twice or, with
     * several relays, out of order). The row is locked so two deliveries racing (during a rebalance)
     * cannot let the older one win; two first inserts racing fail one on the key, and its retry then
     * sees the row. Must run inside a transaction.
     *
     * @return true when the snapshot was stored, false when it was stale
     */
    public Uni<Boolean> saveIfNewer(CampaignEvent.Snapshot snapshot, Instant receivedAt) {
        return saveIfNewerAndGet(snapshot, receivedAt).map(stored -> stored != null);
    }

    /** As {@link #saveIfNewer}, answering the stored (managed) campaign, or null when the snapshot was stale. */
    public Uni<Campaign> saveIfNewerAndGet(CampaignEvent.Snapshot snapshot, Instant receivedAt) {
        return findById(snapshot.id(), LockModeType.PESSIMISTIC_WRITE).chain(stored -> {
            if (stored == null) {
                Campaign created = Campaign.from(snapshot, receivedAt);
                return persist(created).replaceWith(created);
            }
            if (stored.version >= snapshot.version()) {
                return Uni.createFrom().nullItem();
            }
            stored.apply(snapshot, receivedAt); // flushed at commit
            return Uni.createFrom().item(stored);
        });
    }
}
