package io.hostreach.campaign;

import io.hostreach.campaign.api.TransportErrors;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts campaign-service. Before Quarkus boots it hands the request-URI check from Quarkus's HTTP root (which
 * answers an invalid URI with a bare 400) to {@link TransportErrors}, which makes the same check first thing on
 * the router and answers in the spec's error format. The property is read once, when Quarkus's HTTP layer loads.
 */
@QuarkusMain
public class CampaignServiceMain {

    public static void main(String... args) {
        TransportErrors.takeOverUriValidation();
        Quarkus.run(args);
    }
}
