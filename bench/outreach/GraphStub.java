import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outreach benchmark's stand-ins, on loopback, JDK only:
 * <ul>
 * <li>Meta's Graph API: {@code POST /{version}/{phone-number-id}/messages} answers Meta's exact success body
 * (a fresh wamid, {@code input}/{@code wa_id} echoing {@code to}) and records when each request arrived
 * (epoch nanoseconds, from one monotonic clock); {@code GET /arrivals} lists them, {@code DELETE /arrivals}
 * forgets them.</li>
 * <li>campaign-service's internal API: {@code GET /internal/v1/accounts/{id}} (a Cloud API account, any id)
 * and {@code GET /internal/v1/templates/{id}} (an approved template with two body parameters).</li>
 * </ul>
 * Usage: {@code java GraphStub.java <port> <threads>}
 */
public class GraphStub {

    static final Pattern MESSAGES = Pattern.compile("^/v[0-9.]+/([^/]+)/messages$");
    static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");
    static final ConcurrentLinkedQueue<Long> ARRIVALS = new ConcurrentLinkedQueue<>();
    static final long ORIGIN_MILLIS = System.currentTimeMillis();
    static final long ORIGIN_NANOS = System.nanoTime();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", GraphStub::handle);
        server.start();
        System.out.println("graph stub on 127.0.0.1:" + port);
    }

    static void handle(HttpExchange exchange) throws IOException {
        long arrived = ORIGIN_MILLIS * 1_000_000L + (System.nanoTime() - ORIGIN_NANOS);
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher messages = MESSAGES.matcher(path);
            if ("POST".equals(method) && messages.matches()) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                ARRIVALS.add(arrived);
                Matcher to = TO.matcher(body);
                String digits = to.find() ? to.group(1) : "0";
                respond(exchange, 200, """
                        {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],"messages":[{"id":"wamid.BENCH%s"}]}"""
                        .formatted(digits, digits, UUID.randomUUID().toString().replace("-", "")));
            } else if (path.startsWith("/internal/v1/accounts/")) {
                String id = path.substring("/internal/v1/accounts/".length());
                respond(exchange, 200, """
                        {"id":"%s","workspaceId":"00000000-0000-0000-0000-000000000000","environment":"live","type":"whatsapp",
                         "phone":"+34960000000","phoneNumberId":"bench-%s","wabaId":"bench-waba","accessToken":"bench-token",
                         "evolutionApiUrl":null,"evolutionInstanceId":null,"evolutionApiKey":null,"dailyLimit":1000000}"""
                        .formatted(id, id));
            } else if (path.startsWith("/internal/v1/templates/")) {
                String id = path.substring("/internal/v1/templates/".length());
                respond(exchange, 200, """
                        {"id":"%s","apiType":"meta-api","name":"captacion_bench","language":"es_ES","category":"MARKETING",
                         "status":"APPROVED","components":[{"type":"BODY","text":"Hola {{1}}, ¿sigue disponible {{2}}?"}],
                         "variables":["name","listing.title"]}""".formatted(id));
            } else if (path.equals("/arrivals") && "GET".equals(method)) {
                StringBuilder out = new StringBuilder();
                ARRIVALS.forEach(t -> out.append(t).append('\n'));
                respond(exchange, 200, out.toString());
            } else if (path.equals("/arrivals") && "DELETE".equals(method)) {
                ARRIVALS.clear();
                respond(exchange, 200, "");
            } else {
                respond(exchange, 404, "{\"error\":{\"message\":\"not found\",\"code\":100}}");
            }
        } catch (RuntimeException e) {
            respond(exchange, 500, String.valueOf(e));
        }
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
