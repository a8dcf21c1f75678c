package io.hostreach.campaign.api;

import java.util.List;

/** A page of a list endpoint: {@code {data, page, limit, total}}. */
public record PageView<T>(List<T> data, int page, int limit, long total) {
}
