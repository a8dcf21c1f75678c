package io.hostreach.campaign.api;

import io.hostreach.campaign.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.hostreach.campaign.support.Api.PREFIX;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Requests no HTTP client library would send (an invalid URI, no Host header, a 5 KB path), written on a raw
 * socket: each answer must be the spec's JSON error, not the bare status the HTTP layer gives by itself.
 */
@QuarkusTest
class TransportErrorsTest {

    @TestHTTPResource("/")
    URL base;

    private String key;

    @BeforeEach
    void workspace() {
        key = Api.testKey();
    }

    @Test
    void invalidPercentEncodingInThePathIsAJson400() throws IOException {
        Answer answer = get(PREFIX + "/campaigns/%zz", "X-Api-Key: " + key);
        answer.assertError(400, "The request URI is not valid (RFC 3986): Malformed escape pair at character");
    }

    @Test
    void aCharacterTheUriSyntaxForbidsIsAJson400() throws IOException {
        get(PREFIX + "/campaigns?status=draft&name=<b>", "X-Api-Key: " + key).assertError(400, "The request URI is not valid");
        get(PREFIX + "/campaigns/a%", "X-Api-Key: " + key).assertError(400, "Malformed escape pair");
    }

    @Test
    void aTargetThatIsNotAPathIsAJson404() throws IOException {
        raw("GET * HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n").assertError(404, "No such resource");
    }

    @Test
    void aFiveKilobyteIdReachesTheApiAndIsNotFound() throws IOException {
        get(PREFIX + "/campaigns/" + "a".repeat(5000), "X-Api-Key: " + key).assertError(404, "Campaign not found");
    }

    @Test
    void anEightKilobyteKeyWithALongIdempotencyKeyIsAJson401() throws IOException {
        get(PREFIX + "/campaigns", "X-Api-Key: hr_live_" + "a".repeat(8000), "Idempotency-Key: " + "k".repeat(9000))
                .assertError(401, "Invalid or missing API key");
    }

    @Test
    void aValidRequestStillPassesTheCheck() throws IOException {
        Answer answer = get(PREFIX + "/campaigns?limit=5&status=draft", "X-Api-Key: " + key);
        assertThat(answer.head, answer.status, equalTo(200));
        assertThat(new JsonObject(answer.body).getInteger("limit"), equalTo(5));
    }

    private Answer get(String target, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return raw(head.append("Connection: close\r\n\r\n").toString());
    }

    private Answer raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return new Answer(status, response.substring(0, split), response.substring(split + 4));
        }
    }

    private record Answer(int status, String head, String body) {
        void assertError(int expected, String messagePart) {
            assertThat(head + "\n" + body, status, equalTo(expected));
            assertThat(head.toLowerCase(), containsString("content-type: application/json"));
            JsonObject json = new JsonObject(body);
            assertThat(json.getInteger("statusCode"), equalTo(expected));
            assertThat(json.getString("error"), equalTo(ErrorResponses.reason(expected)));
            assertThat(json.getString("message"), containsString(messagePart));
        }
    }
}
