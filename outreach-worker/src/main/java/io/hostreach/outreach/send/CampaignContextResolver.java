package io.hostreach.outreach.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.campaign.CampaignSettings;
import io.hostreach.outreach.campaign.SequenceStep;
import io.hostreach.outreach.send.CampaignContext.Hold;
import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.outreach.whatsapp.AccountDirectory;
import io.hostreach.outreach.whatsapp.DirectoryException;
import io.hostreach.outreach.whatsapp.Template;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides how a campaign sends and fetches what it needs from campaign-service (through the cached
 * {@link AccountDirectory}): test mode goes to the sandbox WhatsApp (or to manual tasks for
 * whatsapp-no-api); live whatsapp campaigns use the Cloud API with their account; live whatsapp-no-api
 * campaigns use the account's Evolution API instance, or manual tasks without one.
 */
@ApplicationScoped
public class CampaignContextResolver {

    private static final Logger LOG = Logger.getLogger(CampaignContextResolver.class);
    private static final String NO_API = "whatsapp-no-api";

    private final AccountDirectory directory;
    private final ObjectMapper mapper;

    public CampaignContextResolver(AccountDirectory directory, ObjectMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    public Uni<Map<UUID, CampaignContext>> resolve(List<Campaign> campaigns) {
        return Multi.createFrom().iterable(campaigns)
                .onItem().transformToUniAndConcatenate(this::resolve)
                .collect().asMap(context -> context.campaign().id);
    }

    Uni<CampaignContext> resolve(Campaign campaign) {
        CampaignSettings settings = CampaignSettings.of(campaign, mapper);
        boolean noApi = NO_API.equals(campaign.contactMode);
        if ("test".equals(campaign.environment)) {
            String channel = noApi ? CampaignContext.MANUAL : CampaignContext.SANDBOX;
            return templates(campaign, settings, channel, null, "sandbox-" + campaign.workspaceId);
        }
        if (settings.accountId() == null) {
            if (noApi) {
                return templates(campaign, settings, CampaignContext.MANUAL, null, null);
            }
            return Uni.createFrom().item(held(campaign, settings, new Hold("account_missing", null,
                    "The campaign has no WhatsApp account (settings.accountId): connect one and resume it", false)));
        }
        return directory.account(settings.accountId())
                .chain(account -> {
                    if (noApi) {
                        return account.hasEvolution()
                                ? templates(campaign, settings, CampaignContext.EVOLUTION, account, "evolution-" + account.evolutionInstanceId())
                                : templates(campaign, settings, CampaignContext.MANUAL, account, null);
                    }
                    if (!account.isCloudApi() || blank(account.phoneNumberId()) || blank(account.accessToken())) {
                        return Uni.createFrom().item(held(campaign, settings, new Hold("account_incomplete", null,
                                "WhatsApp account " + settings.accountId() + " has no Cloud API phone number id or token", false)));
                    }
                    return templates(campaign, settings, CampaignContext.WHATSAPP, account, account.phoneNumberId());
                })
                .onFailure(DirectoryException.class).recoverWithItem(failure -> directoryFailure(campaign, settings,
                        (DirectoryException) failure, "account " + settings.accountId()));
    }

    private Uni<CampaignContext> templates(Campaign campaign, CampaignSettings settings, String channel, Account account,
                                           String senderId) {
        Map<Integer, Template> templates = new HashMap<>();
        return Multi.createFrom().iterable(settings.sequence())
                .filter(SequenceStep::isTemplate)
                .onItem().transformToUniAndConcatenate(step -> templateOf(step, channel)
                        .invoke(template -> templates.put(step.number(), template)))
                .collect().last()
                .map(ignored -> {
                    if (CampaignContext.WHATSAPP.equals(channel)) {
                        Hold hold = unsendable(templates);
                        if (hold != null) {
                            return held(campaign, settings, hold);
                        }
                    }
                    return new CampaignContext(campaign, settings, channel, account, senderId, Map.copyOf(templates), null, false);
                })
                .onFailure(DirectoryException.class).recoverWithItem(failure -> directoryFailure(campaign, settings,
                        (DirectoryException) failure, "a template"));
    }

    /** The sandbox renders without campaign-service if it must: it only imitates WhatsApp. */
    private Uni<Template> templateOf(SequenceStep step, String channel) {
        Uni<Template> fetched = directory.template(step.templateId());
        if (!CampaignContext.SANDBOX.equals(channel)) {
            return fetched;
        }
        return fetched.onFailure().recoverWithItem(() -> new Template(step.templateId(), Template.META_API, step.templateId(),
                "es", "MARKETING", Template.APPROVED, List.of(new Template.Component("BODY", "(template " + step.templateId() + ")")),
                List.of()));
    }

    /** Only approved Meta templates go to the Cloud API; a paused or disabled one holds the campaign. */
    private static Hold unsendable(Map<Integer, Template> templates) {
        for (Template t : templates.values()) {
            if (!t.isMeta()) {
                return new Hold("template_not_meta", null, "Template " + t.name() + " is not a Meta template: the Cloud API "
                        + "sends only approved Meta templates", false);
            }
            String status = t.status() == null ? "UNKNOWN" : t.status();
            switch (status) {
                case Template.APPROVED -> {
                }
                case "PAUSED" -> {
                    return new Hold("132015", 132015, "Template " + t.name() + " is paused by Meta for low quality: "
                            + "the campaign is paused until it is resumed", false);
                }
                case "DISABLED" -> {
                    return new Hold("132016", 132016, "Template " + t.name() + " is disabled by Meta: "
                            + "replace it and resume the campaign", false);
                }
                default -> {
                    return new Hold("template_not_approved", null, "Template " + t.name() + " is " + status
                            + ", not APPROVED: the campaign waits until it is", false);
                }
            }
        }
        return null;
    }

    private CampaignContext directoryFailure(Campaign campaign, CampaignSettings settings, DirectoryException failure, String what) {
        if (failure.notFound()) {
            return held(campaign, settings, new Hold(what.startsWith("account") ? "account_missing" : "template_missing", null,
                    failure.getMessage() + ": the campaign is paused until it is fixed and resumed", false));
        }
        LOG.warnf("campaign %s: %s; its sends wait", campaign.id, failure.getMessage());
        return new CampaignContext(campaign, settings, null, null, null, Map.of(), null, true);
    }

    private static CampaignContext held(Campaign campaign, CampaignSettings settings, Hold hold) {
        return new CampaignContext(campaign, settings, null, null, null, Map.of(), hold, false);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
