package io.hostreach.outreach.common;

import jakarta.ws.rs.BadRequestException;

import java.util.Set;

/** The checks every list endpoint shares (page 1-based, limit 1-100) and the environment parameter. */
public final class Paging {

    private static final Set<String> ENVIRONMENTS = Set.of("live", "test");

    private Paging() {
    }

    public static void check(int page, int limit) {
        if (page < 1) {
            throw new BadRequestException("page must be 1 or more");
        }
        if (limit < 1 || limit > 100) {
            throw new BadRequestException("limit must be between 1 and 100");
        }
    }

    public static String environment(String environment) {
        if (!ENVIRONMENTS.contains(environment)) {
            throw new BadRequestException("environment must be live or test");
        }
        return environment;
    }
}
