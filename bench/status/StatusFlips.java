import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pauses and resumes one running campaign through the public API, N times (bench/status-latency.sh,
 * bench/chaos/kafka-outage.sh). JDK only: run with {@code java StatusFlips.java ...}.
 * <p>
 * {@code wait} mode: after each PATCH, polls both workers' projections ({@code /internal/v1/campaigns/{id}}) until
 * both show the new status, and prints the latency from sending the PATCH to the second worker showing it
 * (p50, p99, max). {@code fire} mode: sends the PATCHes one after the other without waiting (a PATCH answered
 * other than 200 is retried), and prints how many were accepted.
 * <p>
 * Args: mode apiBase apiKey campaignId extractionUrl outreachUrl transitions
 */
public class StatusFlips {
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String mode = args[0], api = args[1], key = args[2], id = args[3], extraction = args[4], outreach = args[5];
        int transitions = Integer.parseInt(args[6]);
        List<Double> latencies = new ArrayList<>();
        List<Double> answered = new ArrayList<>();  // PATCH sent → its 200: the API's own share
        int retries = 0;
        long started = System.nanoTime();
        for (int i = 0; i < transitions; i++) {
            String target = i % 2 == 0 ? "paused" : "running";
            long t0 = System.nanoTime();
            while (true) {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(api + "/campaigns/" + id + "/status"))
                        .header("X-Api-Key", key).header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\": \"" + target + "\"}")).build());
                if (answer != null && answer.statusCode() == 200) {
                    answered.add((System.nanoTime() - t0) / 1e6);
                    break;
                }
                retries++;
                if (retries > 1000) {
                    throw new IllegalStateException("PATCH keeps failing: " + (answer == null ? "no answer" : answer.statusCode() + " " + answer.body()));
                }
                Thread.sleep(100);
            }
            if (mode.equals("wait")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                boolean a = false, b = false;
                while (!(a && b)) {
                    if (!a) a = target.equals(status(extraction + "/internal/v1/campaigns/" + id));
                    if (!b) b = target.equals(status(outreach + "/internal/v1/campaigns/" + id));
                    if (System.nanoTime() > deadline) throw new IllegalStateException("transition " + i + " not consumed in 60 s");
                    if (!(a && b)) Thread.sleep(0, 200_000);
                }
                latencies.add((System.nanoTime() - t0) / 1e6);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("transitions=%d%nseconds=%.1f%nretries=%d%n", transitions, seconds, retries);
        if (!latencies.isEmpty()) {
            Collections.sort(latencies);
            System.out.printf("p50_ms=%.1f%np99_ms=%.1f%nmax_ms=%.1f%n", pct(latencies, 50), pct(latencies, 99),
                    latencies.get(latencies.size() - 1));
        }
        Collections.sort(answered);
        System.out.printf("api_p50_ms=%.1f%napi_p99_ms=%.1f%n", pct(answered, 50), pct(answered, 99));
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    static String status(String url) throws InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        if (r == null || r.statusCode() != 200) return null;
        Matcher m = STATUS.matcher(r.body());
        return m.find() ? m.group(1) : null;
    }

    static HttpResponse<String> send(HttpRequest request) throws InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
