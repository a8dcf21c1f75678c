package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.compliance.LawfulBasisService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The completeness checks before a campaign goes {@code running} (public API §3): what is missing is a
 * 409 naming every gap.
 */
@ApplicationScoped
public class RunReadiness {

    private final CampaignJson json;
    private final LawfulBasisService lawfulBasis;

    public RunReadiness(CampaignJson json, LawfulBasisService lawfulBasis) {
        this.json = json;
        this.lawfulBasis = lawfulBasis;
    }

    public Uni<Void> check(Campaign campaign) {
        Platform platform = Platform.of(campaign.platform);
        ObjectNode segmentation = json.read(campaign.segmentation);
        ObjectNode settings = json.read(campaign.settings);
        Violations missing = new Violations();
        if (platform == Platform.CSV_IMPORT) {
            requirePresent(segmentation, "batchSize", "segmentation", missing, "csv_import");
            requirePresent(settings, "scheduledHours", "settings", missing, "csv_import");
            requirePresent(settings, "scheduledDays", "settings", missing, "csv_import");
        }
        if (platform.isPortal()) {
            FilterRules.checkRunnable(segmentation.get("filters"), missing);
        }
        boolean contacts = CampaignDefaults.EXTRACT_AND_CONTACT.equals(campaign.mode);
        JsonNode sequence = settings.get("sequence");
        if (contacts && (sequence == null || sequence.isEmpty())) {
            missing.add("settings.sequence", "settings.sequence must have at least one step to contact leads");
        }
        Uni<Void> checks = Uni.createFrom().voidItem();
        if (platform == Platform.WIDGET) {
            checks = checks.chain(() -> noOtherRunningWidget(campaign, missing));
        }
        if (contacts && platform.isPortal() && "live".equals(campaign.environment)) {
            checks = checks.chain(() -> lawfulBasisRecorded(campaign, missing));
        }
        if (contacts && CampaignDefaults.WHATSAPP.equals(campaign.contactMode)) {
            checks = checks.chain(() -> connectedAccount(campaign, settings, missing))
                    .chain(() -> approvedTemplates(campaign, sequence, missing));
        }
        return checks.invoke(() -> {
            if (!missing.isEmpty()) {
                List<String> messages = missing.list().stream().map(e -> e.message()).toList();
                throw ApiException.conflict("Campaign cannot run yet: " + String.join("; ", messages),
                        missing.list());
            }
        });
    }

    private static void requirePresent(ObjectNode node, String field, String path, Violations missing, String platform) {
        if (!node.hasNonNull(field)) {
            missing.add(path + "." + field, path + "." + field + " is required before a " + platform
                    + " campaign can run");
        }
    }

    /** Portal advertisers never asked to be contacted: a live campaign needs the workspace's declared basis. */
    private Uni<Void> lawfulBasisRecorded(Campaign campaign, Violations missing) {
        return lawfulBasis.hasAttestation(campaign.workspaceId, campaign.environment).invoke(recorded -> {
            if (!recorded) {
                missing.add("lawfulBasis", "the workspace must record the lawful basis it relies on to contact portal "
                        + "advertisers (POST /compliance/lawful-basis) before a live extract_and_contact campaign runs");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> noOtherRunningWidget(Campaign campaign, Violations missing) {
        return Campaign.count("workspaceId = ?1 and environment = ?2 and platform = 'widget' and status = 'running' and id <> ?3",
                        campaign.workspaceId, campaign.environment, campaign.id)
                .invoke(count -> {
                    if (count > 0) {
                        missing.add("platform", "another widget campaign is already running in this workspace; "
                                + "pause or complete it first");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> connectedAccount(Campaign campaign, ObjectNode settings, Violations missing) {
        String accountId = settings.hasNonNull("accountId") ? settings.get("accountId").asText() : null;
        String sql = "select id from whatsapp_account where workspace_id = :ws and environment = :env "
                + "and type = 'whatsapp' and status = 'connected'"
                + (accountId == null ? "" : " and id = :id");
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, UUID.class)
                    .setParameter("ws", campaign.workspaceId)
                    .setParameter("env", campaign.environment);
            if (accountId != null) {
                query.setParameter("id", UUID.fromString(accountId));
            }
            return query.getResultList();
        }).invoke(ids -> {
            if (accountId != null && ids.isEmpty()) {
                missing.add("settings.accountId", "settings.accountId does not name a connected WhatsApp account");
            } else if (accountId == null && ids.isEmpty()) {
                missing.add("settings.accountId", "a connected WhatsApp account is required for contactMode whatsapp "
                        + "(POST /accounts), or use contactMode whatsapp-no-api");
            } else if (accountId == null && ids.size() > 1) {
                missing.add("settings.accountId", "settings.accountId must choose one of the workspace's "
                        + ids.size() + " WhatsApp accounts");
            }
        }).replaceWithVoid();
    }

    @SuppressWarnings("unchecked")
    private Uni<Void> approvedTemplates(Campaign campaign, JsonNode sequence, Violations missing) {
        List<UUID> templateIds = new ArrayList<>();
        if (sequence != null) {
            sequence.forEach(step -> {
                if (step.hasNonNull("templateId")) {
                    templateIds.add(UUID.fromString(step.get("templateId").asText()));
                }
            });
        }
        if (templateIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sql = "select id from message_template where workspace_id = :ws and environment = :env "
                + "and status = 'APPROVED' and id in (:ids)";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, UUID.class)
                        .setParameter("ws", campaign.workspaceId)
                        .setParameter("env", campaign.environment)
                        .setParameter("ids", templateIds)
                        .getResultList())
                .invoke(approved -> {
                    for (int i = 0; i < templateIds.size(); i++) {
                        if (!((List<UUID>) (List<?>) approved).contains(templateIds.get(i))) {
                            missing.add("settings.sequence", "settings.sequence template " + templateIds.get(i)
                                    + " is not an approved template of this workspace");
                        }
                    }
                })
                .replaceWithVoid();
    }
}
