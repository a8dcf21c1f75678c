package io.hostreach.outreach.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * One WireMock server for the whole test run, standing in for Meta's Graph API (and, where a test says
 * so, campaign-service's internal API and an Evolution API instance) on a free loopback port. By default
 * every send is accepted with Meta's exact success body; tests add stubs for their own numbers.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    /** Meta's success answer; the wamid is random, {@code input}/{@code wa_id} echo the request's {@code to}. */
    public static final String ACCEPTED = """
            {"messaging_product":"whatsapp",\
            "contacts":[{"input":"{{jsonPath request.body '$.to'}}","wa_id":"{{jsonPath request.body '$.to'}}"}],\
            "messages":[{"id":"wamid.{{randomValue length=32 type='ALPHANUMERIC'}}"}]}""";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(80)
                // Templating only where a stub asks for it: a template body's {{1}} must come back as it is.
                .templatingEnabled(true)
                .globalTemplating(false));
        server.start();
        stubDefaults(server);
        return Map.of(
                "hostreach.whatsapp.base-url", server.baseUrl(),
                "hostreach.campaign-service.url", server.baseUrl());
    }

    /** The catch-all success answer of the Graph API (lowest priority: a test's own stubs win). */
    public static void stubDefaults(WireMockServer server) {
        server.stubFor(post(urlPathMatching("/v[0-9.]+/[^/]+/messages")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(ACCEPTED)
                        .withTransformers("response-template")));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
