package io.hostreach.campaign.campaign;

import java.util.List;

/** Values of the public contract that several classes need. */
public final class CampaignDefaults {

    public static final String DEFAULT_NAME = "Untitled Campaign";
    public static final int NAME_MAX = 255;
    public static final String EXTRACT_ONLY = "extract_only";
    public static final String EXTRACT_AND_CONTACT = "extract_and_contact";
    public static final List<String> MODES = List.of(EXTRACT_ONLY, EXTRACT_AND_CONTACT);
    public static final String WHATSAPP = "whatsapp";
    public static final String WHATSAPP_NO_API = "whatsapp-no-api";
    public static final List<String> CONTACT_MODES = List.of(WHATSAPP, WHATSAPP_NO_API);
    public static final int DEFAULT_EXPECTED_RESULTS = 50;

    private CampaignDefaults() {
    }
}
