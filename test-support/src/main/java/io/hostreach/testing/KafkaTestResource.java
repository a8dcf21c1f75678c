package io.hostreach.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import java.util.Map;

/**
 * A real Kafka broker for tests: the one named by {@code KAFKA_BOOTSTRAP_SERVERS} (what {@code make test}
 * starts), or, when that is unset, a single KRaft node started inside the test JVM. Never Docker, never
 * an in-memory stand-in.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker embedded;
    private static String bootstrap;
    private KafkaCompanion companion;

    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                bootstrap = external;
            } else {
                embedded = new EmbeddedKafkaBroker().withDeleteLogDirsOnClose(true).start();
                bootstrap = embedded.getAdvertisedListeners();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> embedded.close()));
            }
        }
        return bootstrap;
    }

    @Override
    public Map<String, String> start() {
        String servers = bootstrapServers();
        companion = new KafkaCompanion(servers);
        return Map.of("kafka.bootstrap.servers", servers);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(companion, new TestInjector.AnnotatedAndMatchesType(InjectKafka.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
    }
}
