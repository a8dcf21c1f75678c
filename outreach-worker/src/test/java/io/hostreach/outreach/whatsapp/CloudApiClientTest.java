package io.hostreach.outreach.whatsapp;

import io.hostreach.outreach.send.OutboundMessage;
import io.hostreach.outreach.send.SendResult;
import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.TestAccounts;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cloud API client alone, with credentials built here, against the WireMock Graph API. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class CloudApiClientTest extends QuarkusOutreachTest {

    @Inject
    WebClient webClient;

    private CloudApiClient client(String baseUrl, Duration timeout) {
        return new CloudApiClient(webClient, baseUrl, "v21.0", timeout);
    }

    private static OutboundMessage template(Account account, UUID id) {
        return new OutboundMessage(id, "whatsapp", "+34612345678", account.phoneNumberId(),
                new OutboundMessage.TemplateContent("captacion_vendedor_v1", "es_ES", List.of("Ana", "Piso en Ruzafa"), "Hola Ana"),
                account);
    }

    private SendResult send(CloudApiClient client, OutboundMessage message) {
        return client.send(message).await().atMost(Duration.ofSeconds(15));
    }

    @Test
    void anAcceptedTemplateGivesTheWamidAndTheWaId() {
        Account account = TestAccounts.cloud(null);
        UUID id = UUID.randomUUID();
        graph.stubFor(post(urlEqualTo(messagesPath(account))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"34612345678","wa_id":"34612345678"}],
                         "messages":[{"id":"wamid.HBgLMzQ2MTIzNDU2NzgVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA","message_status":"accepted"}]}""")));

        SendResult result = send(client(graph.baseUrl(), Duration.ofSeconds(5)), template(account, id));

        SendResult.Accepted accepted = assertInstanceOf(SendResult.Accepted.class, result);
        assertEquals("wamid.HBgLMzQ2MTIzNDU2NzgVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", accepted.providerMessageId());
        assertEquals("34612345678", accepted.waId());
        graph.verify(postRequestedFor(urlEqualTo("/v21.0/" + account.phoneNumberId() + "/messages"))
                .withHeader("Authorization", equalTo("Bearer " + account.accessToken()))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"34612345678","type":"template",
                         "template":{"name":"captacion_vendedor_v1","language":{"code":"es_ES"},
                          "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"},{"type":"text","text":"Piso en Ruzafa"}]}]},
                         "biz_opaque_callback_data":"%s"}""".formatted(id))));
    }

    @Test
    void aGraphErrorIsReadFromMetasEnvelope() {
        Account account = TestAccounts.cloud(null);
        graph.stubFor(post(urlEqualTo(messagesPath(account))).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#131026) Message undeliverable","type":"OAuthException","code":131026,
                          "error_data":{"messaging_product":"whatsapp","details":"Message Undeliverable."},
                          "error_subcode":2494010,"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}""")));

        SendResult.Rejected rejected = assertInstanceOf(SendResult.Rejected.class,
                send(client(graph.baseUrl(), Duration.ofSeconds(5)), template(account, UUID.randomUUID())));
        assertEquals(131026, rejected.error().code());
        assertEquals(2494010, rejected.error().subcode());
        assertEquals("Message Undeliverable.", rejected.error().details());
        assertEquals(400, rejected.error().httpStatus());
        assertFalse(rejected.error().notSent());
    }

    @Test
    void anAnswerWithoutAGraphBodyKeepsTheHttpStatus() {
        Account account = TestAccounts.cloud(null);
        graph.stubFor(post(urlEqualTo(messagesPath(account))).willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        SendResult.Rejected rejected = assertInstanceOf(SendResult.Rejected.class,
                send(client(graph.baseUrl(), Duration.ofSeconds(5)), template(account, UUID.randomUUID())));
        assertNull(rejected.error().code());
        assertEquals(502, rejected.error().httpStatus());
    }

    @Test
    void noAnswerInTimeIsUnknownNeverAFailure() {
        Account account = TestAccounts.cloud(null);
        graph.stubFor(post(urlEqualTo(messagesPath(account))).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json").withBody("{\"messages\":[{\"id\":\"wamid.LATE\"}]}")));
        SendResult result = send(client(graph.baseUrl(), Duration.ofMillis(300)), template(account, UUID.randomUUID()));
        assertInstanceOf(SendResult.Unknown.class, result);
        // A 200 without a message id is no proof either.
        Account other = TestAccounts.cloud(null);
        graph.stubFor(post(urlEqualTo(messagesPath(other))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messaging_product\":\"whatsapp\"}")));
        assertInstanceOf(SendResult.Unknown.class, send(client(graph.baseUrl(), Duration.ofSeconds(5)), template(other, UUID.randomUUID())));
    }

    @Test
    void aRefusedConnectionNeverReachedMetaSoItIsSafeToRetry() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SendResult.Rejected rejected = assertInstanceOf(SendResult.Rejected.class,
                send(client("http://127.0.0.1:" + port, Duration.ofSeconds(5)), template(TestAccounts.cloud(null), UUID.randomUUID())));
        assertTrue(rejected.error().notSent());
    }

    @Test
    void theTokenNeverShowsInAnAccountsText() {
        Account account = TestAccounts.cloud(null);
        assertFalse(account.toString().contains(account.accessToken()));
    }
}
