package io.hostreach.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged campaign-service (started by its main class, as in production) answers requests the HTTP layer
 * refuses by itself in the spec's error format: an invalid URI and a Host that is not an authority.
 */
class TransportErrorsIT {

    private static Stack stack;
    private static String key;

    @BeforeAll
    static void stack() {
        stack = Stack.get();
        key = PublicApi.newTestKey(stack);
    }

    @Test
    void anInvalidUriIsAJsonError() throws IOException {
        String answer = raw("GET /v1/public/v1/campaigns/%zz HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + key
                + "\r\nConnection: close\r\n\r\n");
        assertError(answer, 400, "The request URI is not valid (RFC 3986)");
    }

    @Test
    void aHostThatIsNotAnAuthorityIsAJsonError() throws IOException {
        String answer = raw("GET /v1/public/v1/campaigns HTTP/1.1\r\nHost: a:b:c\r\nX-Api-Key: " + key
                + "\r\nConnection: close\r\n\r\n");
        assertError(answer, 400, "'Host' header is required");
    }

    private static void assertError(String answer, int status, String messagePart) {
        assertThat(answer, answer.substring(9, 12), equalTo(String.valueOf(status)));
        JsonPath body = JsonPath.from(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.getInt("statusCode"), equalTo(status));
        assertThat(body.getString("error"), equalTo("Bad Request"));
        assertThat(body.getString("message"), containsString(messagePart));
    }

    private static String raw(String request) throws IOException {
        URI base = URI.create(stack.campaigns.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
