package io.hostreach.campaign.api;

/** The public API's path prefix (the original's server is …/v1 and its operation paths start /public/v1). */
public final class PublicApi {
    public static final String PREFIX = "/v1/public/v1";

    private PublicApi() {
    }
}
