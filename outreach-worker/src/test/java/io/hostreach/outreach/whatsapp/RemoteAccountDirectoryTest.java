package io.hostreach.outreach.whatsapp;

import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST client to campaign-service's internal accounts and templates, against WireMock standing in for it. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class RemoteAccountDirectoryTest extends QuarkusOutreachTest {

    @RestClient
    CampaignServiceClient client;

    private RemoteAccountDirectory directory() {
        return new RemoteAccountDirectory(client, java.util.Optional.of("test-internal-token"), Duration.ofMinutes(1), Clock.systemUTC());
    }

    @Test
    void anAccountIsReadWithTheInternalTokenAndCached() {
        String id = UUID.randomUUID().toString();
        graph.stubFor(get(urlEqualTo("/internal/v1/accounts/" + id)).withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"id":"%s","workspaceId":"b30820b6-6904-476f-afc9-eae3d4133f2e","environment":"live","type":"whatsapp",
                         "phone":"+34960000000","phoneNumberId":"106540352242922","wabaId":"102290129340398",
                         "accessToken":"EAAG-very-secret","evolutionApiUrl":null,"evolutionInstanceId":null,
                         "evolutionApiKey":null,"dailyLimit":1000,"status":"connected"}""".formatted(id))));
        RemoteAccountDirectory directory = directory();

        Account account = directory.account(id).await().atMost(Duration.ofSeconds(10));
        assertEquals("106540352242922", account.phoneNumberId());
        assertEquals("EAAG-very-secret", account.accessToken());
        assertEquals(1000, account.dailyLimit());
        assertTrue(account.isCloudApi());
        directory.account(id).await().atMost(Duration.ofSeconds(10));
        graph.verify(1, getRequestedFor(urlEqualTo("/internal/v1/accounts/" + id)));
    }

    @Test
    void aTemplateIsReadWithItsBodyAndVariables() {
        String id = UUID.randomUUID().toString();
        graph.stubFor(get(urlEqualTo("/internal/v1/templates/" + id)).withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"id":"%s","apiType":"meta-api","name":"captacion_vendedor_v1","language":"es_ES","category":"MARKETING",
                         "status":"APPROVED","components":[{"type":"BODY","text":"Hola {{1}}, ¿sigue disponible {{2}}?"}],
                         "variables":["name","listing.title"]}""".formatted(id))));
        Template template = directory().template(id).await().atMost(Duration.ofSeconds(10));
        assertTrue(template.isMeta());
        assertEquals("Hola {{1}}, ¿sigue disponible {{2}}?", template.bodyText());
        assertEquals(List.of("name", "listing.title"), template.variables());
    }

    @Test
    void anUnknownAccountIsNotFoundAndAnOutageIsNotCached() {
        String missing = UUID.randomUUID().toString();
        graph.stubFor(get(urlEqualTo("/internal/v1/accounts/" + missing)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"statusCode\":404,\"error\":\"Not Found\"}")));
        RemoteAccountDirectory directory = directory();
        DirectoryException notFound = assertThrows(DirectoryException.class,
                () -> directory.account(missing).await().atMost(Duration.ofSeconds(10)));
        assertTrue(notFound.notFound());

        String flaky = UUID.randomUUID().toString();
        graph.stubFor(get(urlEqualTo("/internal/v1/accounts/" + flaky)).willReturn(aResponse().withStatus(503)));
        DirectoryException outage = assertThrows(DirectoryException.class,
                () -> directory.account(flaky).await().atMost(Duration.ofSeconds(10)));
        assertFalse(outage.notFound());
        assertThrows(DirectoryException.class, () -> directory.account(flaky).await().atMost(Duration.ofSeconds(10)));
        graph.verify(2, getRequestedFor(urlEqualTo("/internal/v1/accounts/" + flaky)));
    }
}
