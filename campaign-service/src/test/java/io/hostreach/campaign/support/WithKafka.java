package io.hostreach.campaign.support;

import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test class carries this, so Quarkus boots once for the module with a real broker. */
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
public final class WithKafka {
    private WithKafka() {
    }
}
