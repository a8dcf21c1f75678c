package io.hostreach.campaign.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local HTTP server on outreach-worker's internal suppression-check address, answering in its wire format
 * ({@code POST /internal/v1/workspaces/{ws}/suppressions/check {phones} → {suppressed}}; outreach-worker's
 * own SuppressionCheckTest pins the same contract). campaign-service's tests run without the worker.
 */
public class OutreachWorkerStandIn implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of("hostreach.outreach-worker.url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
