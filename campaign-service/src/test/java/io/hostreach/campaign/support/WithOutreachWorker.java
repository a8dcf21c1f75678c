package io.hostreach.campaign.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Global, like {@link WithKafka}: one boot for the module, with outreach-worker stood in by {@link OutreachWorkerStub}. */
@WithTestResource(value = OutreachWorkerStub.class, scope = TestResourceScope.GLOBAL)
public final class WithOutreachWorker {
    private WithOutreachWorker() {
    }
}
