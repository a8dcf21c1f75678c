package io.hostreach.outreach.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.agroal.api.AgroalDataSource;
import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.testing.InjectKafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Base of the outreach Quarkus tests: the fixture, the WireMock Graph API and helpers for its stubs; after
 * each test, every outreach event seen so far must conform to docs/asyncapi.yaml. (Subclasses carry the
 * {@code @QuarkusTest} and the two global test resources.)
 */
public abstract class QuarkusOutreachTest {

    private static final String MESSAGES = "/v[0-9.]+/[^/]+/messages";

    @InjectKafka
    protected KafkaCompanion kafka;

    @InjectWireMock
    protected WireMockServer graph;

    @Inject
    protected AgroalDataSource dataSource;

    protected OutreachFixture fixture;
    protected Rows rows;

    @BeforeEach
    void setUpFixture() {
        rows = new Rows(dataSource);
        fixture = new OutreachFixture(kafka, rows);
        // Earlier tests' stubs and requests are of no use here, and WireMock matches every request against all stubs.
        graph.resetAll();
        WireMockResource.stubDefaults(graph);
    }

    @AfterEach
    void eventsConformToTheContract() {
        assertEquals(List.of(), fixture.contractViolations(), "outreach events that break docs/asyncapi.yaml");
    }

    protected static String messagesPath(Account account) {
        return "/v21.0/" + account.phoneNumberId() + "/messages";
    }

    /** A stub for one recipient's sends (it wins over the default success). */
    protected MappingBuilder sendTo(String e164) {
        return post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(TestPhones.digits(e164))));
    }

    /** Meta's error envelope, as the Graph API answers it. */
    protected static ResponseDefinitionBuilder graphError(int httpStatus, int code) {
        return aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#%d) Error %d from Meta","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"details of %d"},
                 "error_subcode":2494055,"fbtrace_id":"AbCdEf0123456789"}}""".formatted(code, code, code, code));
    }

    protected static ResponseDefinitionBuilder accepted(String wamid) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"messaging_product":"whatsapp","contacts":[{"input":"{{jsonPath request.body '$.to'}}",\
                "wa_id":"{{jsonPath request.body '$.to'}}"}],"messages":[{"id":"%s"}]}""".formatted(wamid))
                .withTransformers("response-template");
    }

    protected long requestCount(String e164) {
        return graph.findAll(postRequestedFor(urlPathMatching(MESSAGES))
                .withRequestBody(matchingJsonPath("$.to", equalTo(TestPhones.digits(e164))))).size();
    }
}
