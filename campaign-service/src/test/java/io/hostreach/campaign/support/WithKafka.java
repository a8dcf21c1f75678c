package io.hostreach.campaign.support;

import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The module's global test resources (a real broker; WireMock as Meta's Graph API), so Quarkus boots once for
 * every test class.
 */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GraphApiResource.class, scope = TestResourceScope.GLOBAL)
public final class WithKafka {
    private WithKafka() {
    }
}
