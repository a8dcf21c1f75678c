package io.hostreach.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The three services started once for the whole end-to-end run, on free ports, with databases of their
 * own ({@code *_e2e}, cleaned at start) and topics and consumer groups unique to this run, so neither a
 * running {@code make run} nor an earlier run can interfere.
 */
final class Stack {

    static final String ADMIN_TOKEN = "e2e-" + UUID.randomUUID();
    static final String INTERNAL_TOKEN = "e2e-internal-" + UUID.randomUUID();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static Stack instance;

    final ServiceProcess campaigns;
    final ServiceProcess extraction;
    final ServiceProcess outreach;
    private final FixturePortals portals;

    private Stack(ServiceProcess campaigns, ServiceProcess extraction, ServiceProcess outreach, FixturePortals portals) {
        this.campaigns = campaigns;
        this.extraction = extraction;
        this.outreach = outreach;
        this.portals = portals;
    }

    static synchronized Stack get() {
        if (instance == null) {
            try {
                instance = start(Map.of());
            } catch (Exception e) {
                throw new IllegalStateException("could not start the stack", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private static Stack start(Map<String, String> extra) throws Exception {
        Path root = Path.of(System.getProperty("hostreach.root", ".."));
        // Live campaigns crawl the portals' fixtures on a local server; test-mode ones still read the sandbox.
        FixturePortals portals = FixturePortals.start(root);
        List<ServiceProcess> started = new ArrayList<>();
        try {
            ServiceProcess extraction = ServiceProcess.start(root, "extraction-worker",
                    common(root, "extraction-worker", "extraction", portals.workerProperties(), extra));
            started.add(extraction);
            // Meta's webhook secrets have no default in production; the run needs some (no webhook is called).
            ServiceProcess outreach = ServiceProcess.start(root, "outreach-worker",
                    common(root, "outreach-worker", "outreach", Map.of(
                            "hostreach.whatsapp.verify-token", "e2e-verify-" + RUN,
                            "hostreach.whatsapp.app-secret", "e2e-app-secret-" + RUN), extra));
            started.add(outreach);
            ServiceProcess campaigns = ServiceProcess.start(root, "campaign-service",
                    common(root, "campaign-service", "campaigns", Map.of(
                            "hostreach.admin.token", ADMIN_TOKEN,
                            "hostreach.secrets.key", "ZTJlLW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=",
                            "quarkus.rest-client.extraction-worker.url", extraction.baseUrl(),
                            "hostreach.outreach-worker.url", outreach.baseUrl()), extra));
            return new Stack(campaigns, extraction, outreach, portals);
        } catch (Exception | Error e) {
            // No half-started stack left behind: what started is stopped before the failure is reported.
            for (ServiceProcess service : started) {
                service.close();
            }
            portals.stop();
            throw e;
        }
    }

    private static Map<String, String> common(Path root, String module, String database, Map<String, String> own,
                                              Map<String, String> extra) throws java.io.IOException {
        Map<String, String> p = new HashMap<>();
        // Every consumer group of the service gets this run's suffix, whatever channels it declares.
        java.util.Properties declared = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(root.resolve(module).resolve("src/main/resources/application.properties"))) {
            declared.load(in);
        }
        for (String name : declared.stringPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".group.id")) {
                p.put(name, declared.getProperty(name) + "-e2e-" + RUN);
            }
        }
        String kafka = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        p.put("kafka.bootstrap.servers", kafka);
        p.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + database + "_e2e");
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + database + "_e2e");
        // Small pools: the run shares PostgreSQL (and its connection limit) with everything else on the machine.
        p.put("quarkus.datasource.reactive.max-size", "8");
        p.put("quarkus.flyway.clean-disabled", "false");
        p.put("quarkus.flyway.clean-at-start", "true");
        for (String topic : new String[]{"campaign-events", "lead-events", "extraction-events", "outreach-events"}) {
            p.put("hostreach.topics." + topic, topic + "-e2e-" + RUN);
        }
        p.put("hostreach.outbox.initial-delay", "1s");
        // The run may happen at any hour: quiet hours would hold every sandbox message at night.
        p.put("hostreach.outreach.quiet-hours", "none");
        // outreach-worker reads account credentials from campaign-service with this shared token.
        p.put("hostreach.internal.token", INTERNAL_TOKEN);
        p.put("hostreach.internal-token", INTERNAL_TOKEN);
        p.putAll(own);
        p.putAll(extra);
        return p;
    }

    private void stop() {
        for (ServiceProcess service : new ServiceProcess[]{campaigns, extraction, outreach}) {
            try {
                service.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        portals.stop();
    }
}
