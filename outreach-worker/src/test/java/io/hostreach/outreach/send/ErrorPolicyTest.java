package io.hostreach.outreach.send;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The research table, code by code: what each Meta error does to the message, the lead and the campaign. */
class ErrorPolicyTest {

    private final ErrorPolicy policy = new ErrorPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(10), 5);

    private static ProviderError graph(int code, int httpStatus) {
        return new ProviderError(code, null, "title", "details", httpStatus, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {130429, 131056, 4, 80007, 131057})
    void transientCodesAreRetried(int code) {
        assertEquals(ErrorAction.RETRY, policy.actionFor(graph(code, 400)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetriedWithOrWithoutAGraphBody(int httpStatus) {
        assertEquals(ErrorAction.RETRY, policy.actionFor(ProviderError.http(httpStatus, "HTTP " + httpStatus)));
        assertEquals(ErrorAction.RETRY, policy.actionFor(graph(131000, httpStatus)));
    }

    @Test
    void aRefusedConnectionIsRetried() {
        assertEquals(ErrorAction.RETRY, policy.actionFor(ProviderError.connection("refused")));
    }

    @Test
    void theEcosystemLimitIsRetriedOnceAfterADay() {
        assertEquals(ErrorAction.RETRY_AFTER_A_DAY, policy.actionFor(graph(131049, 400)));
    }

    @Test
    void aMarketingOptOutSuppressesTheNumber() {
        assertEquals(ErrorAction.SUPPRESS, policy.actionFor(graph(131050, 400)));
    }

    @Test
    void notOnWhatsAppEndsTheSequence() {
        assertEquals(ErrorAction.NOT_ON_WHATSAPP, policy.actionFor(graph(131026, 400)));
    }

    @Test
    void freeTextOutsideTheWindowNeedsATemplate() {
        assertEquals(ErrorAction.TEMPLATE_NEEDED, policy.actionFor(graph(131047, 400)));
    }

    @ParameterizedTest
    @ValueSource(ints = {132015, 132016})
    void aTemplatePausedForQualityHoldsTheCampaign(int code) {
        assertEquals(ErrorAction.PAUSE_CAMPAIGN, policy.actionFor(graph(code, 400)));
    }

    @ParameterizedTest
    @ValueSource(ints = {131048, 190, 368, 131031, 131042})
    void numberAndAccountProblemsHoldEveryCampaignOfTheAccount(int code) {
        assertEquals(ErrorAction.PAUSE_ACCOUNT, policy.actionFor(graph(code, 400)));
    }

    @Test
    void anUnauthorisedAnswerWithoutABodyHoldsTheAccount() {
        assertEquals(ErrorAction.PAUSE_ACCOUNT, policy.actionFor(ProviderError.http(401, "HTTP 401")));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 132000, 132001, 131051})
    void otherClientErrorsFailTheMessage(int code) {
        assertEquals(ErrorAction.FAIL, policy.actionFor(graph(code, 400)));
    }

    @Test
    void backoffIsExponentialWithTenPercentJitterAndCapped() {
        ProviderError throughput = graph(130429, 400);
        for (int attempt = 1; attempt <= 5; attempt++) {
            long expected = 2000L << (attempt - 1);
            for (int i = 0; i < 50; i++) {
                long millis = policy.backoff(throughput, attempt).toMillis();
                assertTrue(millis >= expected * 0.9 - 1 && millis <= expected * 1.1 + 1, attempt + ": " + millis);
            }
        }
        assertTrue(policy.backoff(throughput, 30).toMillis() <= Duration.ofMinutes(10).toMillis() * 1.1 + 1);
    }

    @Test
    void thePairRateLimitBacksOffByPowersOfFour() {
        ProviderError pair = graph(131056, 400);
        long third = policy.backoff(pair, 3).toMillis();
        assertTrue(third >= 16_000 * 0.9 - 1 && third <= 16_000 * 1.1 + 1, "4^2 x 1 s: " + third);
    }

    @Test
    void attemptsAreLimited() {
        assertTrue(policy.attemptsLeft(4));
        assertFalse(policy.attemptsLeft(5));
    }

    @Test
    void titlesAndPauseReasonsNameTheCode() {
        assertEquals("Template paused for low quality", policy.title(graph(132015, 400)));
        assertEquals("error text", policy.title(new ProviderError(999999, null, "error text", null, 400, false)));
        String reason = policy.pauseReason(graph(131048, 400), ErrorAction.PAUSE_ACCOUNT);
        assertTrue(reason.contains("131048") && reason.contains("every campaign of the WhatsApp account"), reason);
    }
}
