package io.agrilink.order.rest;

import java.util.List;

/** One page of a list: {@code page} is 0-based, {@code total} counts every item on all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
