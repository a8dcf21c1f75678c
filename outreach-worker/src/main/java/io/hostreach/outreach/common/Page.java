package io.hostreach.outreach.common;

import java.util.List;

/** A page of a list endpoint: {@code {"data": [...], "page": 1, "limit": 20, "total": 137}}. */
public record Page<T>(List<T> data, int page, int limit, long total) {
}
