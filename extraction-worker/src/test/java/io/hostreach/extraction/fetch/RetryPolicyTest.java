package io.hostreach.extraction.fetch;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(60));

    @Test
    void throttlingAndServerErrorsAreRetriedOtherAnswersAreNot() {
        assertTrue(RetryPolicy.retryableStatus(429));
        assertTrue(RetryPolicy.retryableStatus(503));
        assertFalse(RetryPolicy.retryableStatus(403));
        assertFalse(RetryPolicy.retryableStatus(404));
        assertFalse(RetryPolicy.retryableStatus(200));
    }

    @Test
    void retriesAreBoundedAndBackOffExponentiallyWithinTheCap() {
        assertTrue(policy.mayRetry(2));
        assertFalse(policy.mayRetry(3));
        for (int retry = 0; retry < 10; retry++) {
            long wait = policy.waitBefore(retry, null).toMillis();
            long exponential = Math.min(60_000, 2000L << retry);
            assertTrue(wait >= exponential / 2 && wait <= exponential, retry + ": " + wait);
        }
    }

    @Test
    void aRetryAfterInSecondsIsHonouredUpToTheCap() {
        assertEquals(Duration.ofSeconds(7), policy.waitBefore(0, "7"));
        assertEquals(Duration.ofSeconds(60), policy.waitBefore(0, "3600"));
    }

    @Test
    void theProviderRouteCarriesThePortalUrlEncodedAndHidesItsKey() {
        FetchRoute route = new FetchRoute(FetchRoute.Mode.PROVIDER, "https://api.scraper.example/v1/?url={url}&render=false",
                "X-Api-Key", "s3cret");
        assertEquals("https://api.scraper.example/v1/?url=https%3A%2F%2Fwww.idealista.com%2Fventa-viviendas%2F%3Fa%3D1&render=false",
                route.requestUrl("https://www.idealista.com/venta-viviendas/?a=1"));
        assertFalse(route.toString().contains("s3cret"));
        assertEquals("https://x/y", FetchRoute.direct().requestUrl("https://x/y"));
    }
}
