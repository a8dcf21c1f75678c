package io.hostreach.campaign.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource behind API-key authentication. {@code value} is the scope's resource part
 * ({@code campaigns} → {@code campaigns:read} for GET, {@code campaigns:write} otherwise); empty means
 * any valid key (as for {@code /me}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ApiScope {
    String value();
}
