import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces N lead.captured events (CloudEvents JSON, as extraction-worker writes them) for one campaign, numbers
 * +3461<7 digits> whose last digit is 2–6 (the sandbox WhatsApp's plain "read" scenario: no legitimate resend).
 * Run with {@code java -cp kafka-clients.jar:slf4j-api.jar LeadProducer.java <bootstrap> <topic> <campaign> <workspace> <n>}.
 */
public class LeadProducer {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], topic = args[1], campaign = args[2], workspace = args[3];
        int n = Integer.parseInt(args[4]);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String eventId = UUID.randomUUID().toString(), lead = UUID.randomUUID().toString();
                String phone = "+3461" + String.format("%06d", i) + (2 + i % 5);
                String now = Instant.now().toString();
                String json = """
                        {"specversion":"1.0","id":"%s","source":"/hostreach/extraction-worker","type":"io.hostreach.lead.captured",
                         "subject":"%s","time":"%s","datacontenttype":"application/json",
                         "dataschema":"https://hostreach.io/schemas/events/lead.captured.json",
                         "data":{"leadId":"%s","campaignId":"%s","workspaceId":"%s","environment":"test",
                          "extractionId":"%s","source":"portal","advertiserType":"private","name":"Ana","phone":"%s",
                          "email":null,"listing":{"portal":"idealista","listingId":"%d","url":"https://www.idealista.com/inmueble/%d/",
                          "title":"Piso en Ruzafa","operation":"sale","propertyType":"flat","price":185000,"currency":"EUR"},
                          "capturedAt":"%s"}}""".formatted(eventId, lead, now, lead, campaign, workspace,
                        UUID.randomUUID(), phone, 100000 + i, 100000 + i, now).replace("\n", "");
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, campaign, json);
                record.headers().add("event-id", eventId.getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-type", "io.hostreach.lead.captured".getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        System.out.println("produced=" + n);
    }
}
