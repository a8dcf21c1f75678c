package io.hostreach.outreach.send;

import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.campaign.CampaignSettings;
import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.outreach.whatsapp.Template;

import java.util.Map;

/**
 * Everything a claim needs about a campaign, resolved before the claiming transaction opens: the channel
 * and account it sends from, and each template step's template. {@code hold} is set when the campaign
 * cannot send until a human acts; {@code retryLater} when campaign-service could not answer for now.
 */
public record CampaignContext(Campaign campaign, CampaignSettings settings, String channel, Account account, String senderId,
                              Map<Integer, Template> templates, Hold hold, boolean retryLater) {

    public static final String SANDBOX = "sandbox";
    public static final String MANUAL = "manual";
    public static final String EVOLUTION = "evolution";
    public static final String WHATSAPP = "whatsapp";

    /** Why a campaign's sends are held: a Meta error code when there is one, and the sentence shown. */
    public record Hold(String code, Integer errorCode, String reason, boolean accountWide) {
    }

    public boolean sendsThroughCloudApi() {
        return WHATSAPP.equals(channel);
    }

    /** The Cloud API and the sandbox behave alike: templates as templates, free text only inside the window. */
    public boolean cloudLike() {
        return WHATSAPP.equals(channel) || SANDBOX.equals(channel);
    }

    /** Channels where Meta's per-account messaging limit applies (a real number is behind them). */
    public boolean countsAgainstAccountLimit() {
        return account != null && (WHATSAPP.equals(channel) || EVOLUTION.equals(channel));
    }
}
