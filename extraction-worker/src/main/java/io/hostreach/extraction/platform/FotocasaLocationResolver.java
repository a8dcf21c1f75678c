package io.hostreach.extraction.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Resolves a place's URL name into fotocasa's real {@code combinedLocationIds} through the web gateway
 * ({@code GET /v2/propertysearch/urllocationsegments?location=igualada&zone=todas-las-zonas} →
 * {@code {"ids": "724,9,8,236,410,8102,0,0,0", …}}, domain research §2.2). Answers are cached for the life of
 * the process: a place's id does not change, and a type-ahead must not cost fotocasa a call per keystroke.
 */
final class FotocasaLocationResolver {

    static final String PATH = "/v2/propertysearch/urllocationsegments";
    private static final Pattern IDS = Pattern.compile("724(,\\d{1,9}){8}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    FotocasaLocationResolver(Vertx vertx, String baseUrl, Duration timeout) {
        this.client = vertx.createHttpClient();
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
    }

    /** The real ids of the place fotocasa's URLs call {@code urlName}, or empty when fotocasa does not know it. */
    Uni<Optional<String>> resolve(String urlName) {
        String cached = cache.get(urlName);
        if (cached != null) {
            return Uni.createFrom().item(Optional.of(cached));
        }
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(baseUrl + PATH + "?location=" + URLEncoder.encode(urlName, StandardCharsets.UTF_8)
                        + "&zone=todas-las-zonas")
                // The gateway serves the www.fotocasa.es web app and checks that calls come from it.
                .putHeader("Accept", "application/json")
                .putHeader("Origin", "https://www.fotocasa.es")
                .putHeader("Referer", "https://www.fotocasa.es/");
        return client.request(request)
                .chain(r -> r.send())
                .chain(response -> response.statusCode() == 200 ? response.body()
                        : Uni.createFrom().failure(new IllegalStateException("fotocasa answered " + response.statusCode()
                                + " for location '" + urlName + "'")))
                .ifNoItem().after(timeout).failWith(() -> new IllegalStateException(
                        "fotocasa did not answer within " + timeout.toMillis() + " ms for location '" + urlName + "'"))
                .map(body -> idsOf(body, urlName))
                .invoke(ids -> ids.ifPresent(value -> cache.put(urlName, value)));
    }

    private static Optional<String> idsOf(Buffer body, String urlName) {
        try {
            JsonNode ids = JSON.readTree(body.getBytes()).path("ids");
            String value = ids.isTextual() ? ids.asText().replace(" ", "") : null;
            return value != null && IDS.matcher(value).matches() ? Optional.of(value) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("fotocasa answered unreadable JSON for location '" + urlName + "'", e);
        }
    }

    /** How fotocasa's URLs name a place: {@code valencia-provincia}, {@code valencia-capital}, {@code igualada}. */
    static String urlName(LocationIndex.Entry entry) {
        String name = TextFold.slug(entry.place().name().split("/")[0]);
        if (entry.place().firstLevel()) {
            return name + "-provincia";
        }
        boolean capital = entry.parentName() != null && name.equals(TextFold.slug(entry.parentName().split("/")[0]));
        return capital ? name + "-capital" : name;
    }
}
