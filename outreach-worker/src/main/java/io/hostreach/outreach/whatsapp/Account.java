package io.hostreach.outreach.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A connected WhatsApp account as campaign-service's internal endpoint gives it, secrets included.
 * {@link #toString()} masks them: an account may end up in a log line, its token never.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Account(String id, String workspaceId, String environment, String type, String phone, String phoneNumberId,
                      String wabaId, String accessToken, String evolutionApiUrl, String evolutionInstanceId,
                      String evolutionApiKey, Integer dailyLimit) {

    public static final String CLOUD_API = "whatsapp";
    public static final String NO_API = "whatsapp-no-api";

    public boolean isCloudApi() {
        return CLOUD_API.equals(type);
    }

    /** A whatsapp-no-api account that sends through an Evolution API instance. */
    public boolean hasEvolution() {
        return evolutionApiUrl != null && !evolutionApiUrl.isBlank() && evolutionInstanceId != null
                && !evolutionInstanceId.isBlank();
    }

    @Override
    public String toString() {
        return "Account[id=" + id + ", type=" + type + ", phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId
                + ", accessToken=" + mask(accessToken) + ", evolutionApiUrl=" + evolutionApiUrl
                + ", evolutionApiKey=" + mask(evolutionApiKey) + ", dailyLimit=" + dailyLimit + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "***";
    }
}
