package io.hostreach.extraction.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * A local WireMock server standing in for every portal (and each idealista site): the worker's
 * {@code hostreach.portals.*.base-url} point at it, and tests stub the portals' real paths with the fixtures.
 * One server for the whole module (the resource is global): tests keep apart by searching different places.
 */
public class PortalServer implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                    .containerThreads(20).stubRequestLoggingDisabled(true));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        String origin = "http://127.0.0.1:" + server.port();
        Map<String, String> config = new HashMap<>();
        for (String portal : new String[]{"idealista", "fotocasa", "metrocuadrado", "inmuebles24", "zonaprop"}) {
            config.put("hostreach.portals." + portal + ".base-url", origin);
        }
        config.put("hostreach.portals.idealista.sites.it", origin);
        config.put("hostreach.portals.idealista.sites.pt", origin);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectPortalServer.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        // Kept for the JVM: other test classes of the module share it (stopped by the shutdown hook).
    }
}
