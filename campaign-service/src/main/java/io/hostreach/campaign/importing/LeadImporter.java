package io.hostreach.campaign.importing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.campaign.Campaign;
import io.hostreach.campaign.campaign.CampaignStatus;
import io.hostreach.campaign.campaign.Platform;
import io.hostreach.campaign.lead.LeadStatus;
import io.hostreach.campaign.workspace.Workspace;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.CloudEventCodec;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores the valid rows of an import: suppressed numbers are left out, numbers the workspace already has
 * are duplicates (the same unique key on phone that every capture uses), and each new lead is announced as
 * {@code lead.captured} on {@code lead-events} through the outbox, in the transaction that inserts it, so
 * outreach-worker enrols exactly the leads that were stored. Rows go in multi-row statements of
 * {@value #CHUNK}: a 50,000-row file is a few hundred statements, not a few hundred thousand.
 */
@ApplicationScoped
public class LeadImporter {

    private static final Logger LOG = Logger.getLogger(LeadImporter.class);
    static final String SOURCE = "/hostreach/campaign-service";
    static final String LEAD_SOURCE = "csv";
    static final int CHUNK = 1000;
    private static final Set<String> IMPORTABLE = Set.of(CampaignStatus.DRAFT, CampaignStatus.RUNNING, CampaignStatus.PAUSED);

    private static final String INSERT_LEADS = """
            insert into lead (id, workspace_id, environment, campaign_id, source, status, name, phone, email,
                              advertiser_type, attributes, captured_count, created_at, updated_at)
            select t.id, :workspace, :environment, :campaign, :source, :status, t.name, t.phone, t.email,
                   'unknown', t.attributes, 1, :now, :now
            from unnest(cast(:ids as uuid[]), cast(:names as text[]), cast(:phones as text[]), cast(:emails as text[]),
                        cast(:attributes as text[])) as t(id, name, phone, email, attributes)
            on conflict (workspace_id, environment, phone) where phone is not null do nothing""";
    private static final String INSERTED = "select id from lead where id = any(cast(:ids as uuid[]))";
    private static final String EXISTING = """
            select phone from lead where workspace_id = :workspace and environment = :environment
            and phone = any(cast(:phones as text[]))""";
    private static final String INSERT_NOTES = """
            insert into lead_note (id, lead_id, content, created_at)
            select gen_random_uuid(), t.lead_id, t.content, :now
            from unnest(cast(:leads as uuid[]), cast(:contents as text[])) as t(lead_id, content)""";
    private static final String INSERT_EVENTS = """
            insert into outbox_event (id, topic, message_key, event_type, payload, created_at)
            select t.id, :topic, :key, :type, t.payload, :now
            from unnest(cast(:ids as uuid[]), cast(:payloads as text[])) as t(id, payload)""";

    /** The campaign an import goes into, and the country its numbers default to. */
    public record Target(UUID campaignId, UUID workspaceId, String environment, String region) {
    }

    private final SuppressionCheckClient suppressions;
    private final CloudEventCodec codec;
    private final String topic;

    public LeadImporter(SuppressionCheckClient suppressions, CloudEventCodec codec,
                        @ConfigProperty(name = Topics.LEAD_EVENTS) String topic) {
        this.suppressions = suppressions;
        this.codec = codec;
        this.topic = topic;
    }

    /** 404 unless the key's own campaign; 400 unless csv_import; 409 unless draft, running or paused. */
    public Uni<Target> target(AuthenticatedKey key, String rawId) {
        UUID id = Ids.parse(rawId, "Campaign");
        return Panache.withSession(() -> Campaign.<Campaign>find("id = ?1 and workspaceId = ?2 and environment = ?3", id,
                        key.workspaceId(), key.environment().apiValue()).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("Campaign not found"))
                .invoke(LeadImporter::checkImportable)
                .chain(c -> Workspace.<Workspace>findById(c.workspaceId)
                        .map(w -> new Target(c.id, c.workspaceId, c.environment, w == null ? null : w.country))));
    }

    private static void checkImportable(Campaign c) {
        if (Platform.of(c.platform) != Platform.CSV_IMPORT) {
            throw ApiException.badRequest("Only csv_import campaigns take CSV imports; this campaign's platform is "
                    + c.platform);
        }
        if (!IMPORTABLE.contains(c.status)) {
            throw ApiException.conflict("Leads can be imported into draft, running or paused campaigns; this one is "
                    + c.status);
        }
    }

    /** Checks the suppression list, then stores (or, with {@code dryRun}, only counts) the file's valid rows. */
    public Uni<ImportReport> importRows(Target target, CsvLeadReader.Parsed parsed, boolean dryRun) {
        List<String> phones = parsed.rows().stream().map(ImportRow::phone).toList();
        long started = System.nanoTime();
        return suppressions.suppressedAmong(target.workspaceId(), target.environment(), phones).chain(suppressed -> {
            LOG.debugf("campaign %s: %d numbers checked against the suppression list in %d ms", target.campaignId(),
                    phones.size(), (System.nanoTime() - started) / 1_000_000);
            List<ImportRow> candidates = parsed.rows().stream().filter(r -> !suppressed.contains(r.phone())).toList();
            Uni<Integer> stored = dryRun ? Panache.withSession(() -> wouldImport(target, candidates))
                    : Panache.withTransaction(() -> recheck(target).chain(() -> store(target, candidates)));
            return stored.map(imported -> new ImportReport(parsed.total(), imported,
                    parsed.duplicatesInFile() + (candidates.size() - imported), parsed.rows().size() - candidates.size(),
                    parsed.invalid()));
        }).invoke(report -> LOG.infof("campaign %s: import of %d rows%s: %d imported, %d duplicates, %d suppressed, "
                        + "%d invalid (checked and stored in %d ms)", target.campaignId(), report.total(), dryRun ? " (dry run)" : "",
                report.imported(), report.duplicates(), report.suppressed(), report.invalid().size(),
                (System.nanoTime() - started) / 1_000_000));
    }

    /** The campaign may have changed while the file was read: check again, holding it until commit. */
    private Uni<Void> recheck(Target target) {
        return Campaign.<Campaign>findById(target.campaignId(), jakarta.persistence.LockModeType.PESSIMISTIC_READ)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Campaign not found"))
                .invoke(LeadImporter::checkImportable)
                .replaceWithVoid();
    }

    private Uni<Integer> wouldImport(Target target, List<ImportRow> candidates) {
        return chunks(candidates, chunk -> Panache.getSession().chain(s -> s.createNativeQuery(EXISTING, String.class)
                        .setParameter("workspace", target.workspaceId())
                        .setParameter("environment", target.environment())
                        .setParameter("phones", chunk.stream().map(ImportRow::phone).toArray(String[]::new))
                        .getResultList())
                .map(existing -> chunk.size() - existing.size()));
    }

    private Uni<Integer> store(Target target, List<ImportRow> candidates) {
        Instant now = Instant.now();
        return chunks(candidates, chunk -> storeChunk(target, chunk, now));
    }

    private Uni<Integer> storeChunk(Target target, List<ImportRow> chunk, Instant now) {
        UUID[] ids = new UUID[chunk.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT_LEADS)
                        .setParameter("workspace", target.workspaceId())
                        .setParameter("environment", target.environment())
                        .setParameter("campaign", target.campaignId())
                        .setParameter("source", LEAD_SOURCE)
                        .setParameter("status", LeadStatus.PENDING)
                        .setParameter("now", now)
                        .setParameter("ids", ids)
                        .setParameter("names", chunk.stream().map(ImportRow::name).toArray(String[]::new))
                        .setParameter("phones", chunk.stream().map(ImportRow::phone).toArray(String[]::new))
                        .setParameter("emails", chunk.stream().map(ImportRow::email).toArray(String[]::new))
                        .setParameter("attributes", chunk.stream()
                                .map(r -> r.attributes().isEmpty() ? null : r.attributes().toString()).toArray(String[]::new))
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(INSERTED, UUID.class).setParameter("ids", ids).getResultList())
                        .chain(inserted -> {
                            Set<UUID> created = new HashSet<>(inserted);
                            List<UUID> leadIds = new ArrayList<>();
                            List<ImportRow> rows = new ArrayList<>();
                            for (int i = 0; i < ids.length; i++) {
                                if (created.contains(ids[i])) {
                                    leadIds.add(ids[i]);
                                    rows.add(chunk.get(i));
                                }
                            }
                            return notes(session, leadIds, rows, now)
                                    .chain(() -> announce(session, target, leadIds, rows, now))
                                    .replaceWith(leadIds.size());
                        }));
    }

    private Uni<Void> notes(org.hibernate.reactive.mutiny.Mutiny.Session session, List<UUID> leadIds, List<ImportRow> rows,
                            Instant now) {
        List<UUID> leads = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).notes() != null) {
                leads.add(leadIds.get(i));
                contents.add(rows.get(i).notes());
            }
        }
        if (leads.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery(INSERT_NOTES).setParameter("now", now)
                .setParameter("leads", leads.toArray(UUID[]::new))
                .setParameter("contents", contents.toArray(String[]::new))
                .executeUpdate().replaceWithVoid();
    }

    /** One lead.captured per new lead, in the shape extraction-worker emits (source csv, no listing). */
    private Uni<Void> announce(org.hibernate.reactive.mutiny.Mutiny.Session session, Target target, List<UUID> leadIds,
                               List<ImportRow> rows, Instant now) {
        if (leadIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] eventIds = new UUID[leadIds.size()];
        String[] payloads = new String[leadIds.size()];
        for (int i = 0; i < eventIds.length; i++) {
            eventIds[i] = UUID.randomUUID();
            payloads[i] = codec.write(CloudEvent.of(eventIds[i].toString(), SOURCE, EventTypes.LEAD_CAPTURED,
                    leadIds.get(i).toString(), now, data(target, leadIds.get(i), rows.get(i), now)));
        }
        return session.createNativeQuery(INSERT_EVENTS)
                .setParameter("topic", topic)
                .setParameter("key", target.campaignId().toString())
                .setParameter("type", EventTypes.LEAD_CAPTURED)
                .setParameter("now", now)
                .setParameter("ids", eventIds)
                .setParameter("payloads", payloads)
                .executeUpdate().replaceWithVoid();
    }

    static ObjectNode data(Target target, UUID leadId, ImportRow row, Instant now) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("leadId", leadId.toString());
        data.put("campaignId", target.campaignId().toString());
        data.put("workspaceId", target.workspaceId().toString());
        data.put("environment", target.environment());
        data.putNull("extractionId");
        data.put("source", LEAD_SOURCE);
        data.put("advertiserType", "unknown");
        data.put("name", row.name());
        data.put("phone", row.phone());
        data.put("email", row.email());
        data.putNull("listing");
        data.set("attributes", row.attributes());
        data.put("capturedAt", now.toString());
        return data;
    }

    /** Runs {@code each} on consecutive chunks, one after another (one session), summing the counts. */
    private static Uni<Integer> chunks(List<ImportRow> rows, java.util.function.Function<List<ImportRow>, Uni<Integer>> each) {
        List<List<ImportRow>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += CHUNK) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + CHUNK)));
        }
        return Multi.createFrom().<List<ImportRow>>iterable(chunks).onItem().transformToUniAndConcatenate(chunk -> each.apply(chunk))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }
}
