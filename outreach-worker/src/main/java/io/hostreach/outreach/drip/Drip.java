package io.hostreach.outreach.drip;

import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.campaign.CampaignSettings;

/**
 * Whether a campaign contacts its leads by drip: a csv_import campaign with a batch size and scheduled hours.
 * Its enrolled leads wait without a first message until a scheduled slot releases them, {@code batchSize}
 * per slot, oldest first ({@link DripScheduler}).
 */
public final class Drip {

    public static final String CSV_IMPORT = "csv_import";

    private Drip() {
    }

    public static boolean applies(Campaign campaign, CampaignSettings settings) {
        return CSV_IMPORT.equals(campaign.platform) && settings.batchSize() != null
                && settings.schedule().scheduledHours() != null;
    }
}
