package io.hostreach.campaign.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request body of {@code POST /accounts}, for the OpenAPI document (the service validates the JSON). */
final class AccountBodies {

    static final String CLOUD_API_EXAMPLE = """
            {"type": "whatsapp", "whatsAppBusinessAccountId": "102290129340398", "phoneNumberId": "106540352242922",
             "token": "EAAG...", "phone": "+34600111222"}""";
    static final String MANUAL_EXAMPLE = """
            {"type": "whatsapp-no-api", "phone": "+34600111222"}""";

    private AccountBodies() {
    }

    @Schema(name = "AccountCreate", description = "A Meta Cloud API account (type whatsapp) or a manual one "
            + "(whatsapp-no-api, optionally sending through Evolution API). Secrets are stored encrypted and never returned.")
    record Create(@Schema(required = true, enumeration = {"whatsapp", "whatsapp-no-api"}) String type,
                  @Schema(required = true, description = "E.164") String phone,
                  @Schema(description = "whatsapp: the WABA id") String whatsAppBusinessAccountId,
                  @Schema(description = "whatsapp: the phone number id") String phoneNumberId,
                  @Schema(description = "whatsapp: a system-user access token", writeOnly = true) String token,
                  String evolutionInstanceId,
                  @Schema(format = "uri") String evolutionApiUrl,
                  @Schema(writeOnly = true) String evolutionApiKey) {
    }
}
