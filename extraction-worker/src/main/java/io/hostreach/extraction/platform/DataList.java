package io.hostreach.extraction.platform;

import java.util.List;

/** The {@code {"data": [...]}} envelope of this service's list answers. */
public record DataList<T>(List<T> data) {
}
