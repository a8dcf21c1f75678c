package io.hostreach.campaign.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Service-to-service endpoints, guarded by {@code X-Internal-Token} ({@code HOSTREACH_INTERNAL_TOKEN}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InternalApi {
}
