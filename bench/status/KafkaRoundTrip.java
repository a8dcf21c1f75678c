import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ceiling of P2: a plain Kafka client's produce→consume round trip on the same broker, one record at a time
 * (acks=all, idempotent producer, linger 0, like the services' outbox relay), N times. Prints p50/p99/max.
 * Run with {@code java -cp kafka-clients.jar:slf4j-api.jar KafkaRoundTrip.java <bootstrap> <topic> <n>}.
 */
public class KafkaRoundTrip {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], topic = args[1];
        int n = Integer.parseInt(args[2]);
        Properties common = new Properties();
        common.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.putAll(common);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "0");
        Properties c = new Properties();
        c.putAll(common);
        c.put("group.id", topic);
        c.put("auto.offset.reset", "earliest");
        c.put("fetch.max.wait.ms", "500");
        List<Double> latencies = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            for (int i = 0; i < n + 50; i++) {  // the first 50: warm-up, not counted
                String id = UUID.randomUUID().toString();
                long t0 = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, id, "{\"id\":\"" + id + "\"}"));
                boolean seen = false;
                while (!seen) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        seen |= r.key().equals(id);
                    }
                }
                if (i >= 50) latencies.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(latencies);
        System.out.printf("p50_ms=%.2f%np99_ms=%.2f%nmax_ms=%.2f%n", pct(latencies, 50), pct(latencies, 99),
                latencies.get(latencies.size() - 1));
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }
}
