package io.agrilink.platform.web;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * One page of a list, the shape of every list any AgriLink service returns:
 * {@code {"items": [...], "page": 0, "size": 20, "total": 123}}; {@code page} is 0-based and
 * {@code total} counts every match on all pages.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The page {@code page} of {@code query}, each entity mapped to its view. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> map) {
        List<T> items = query.page(page, size).list().stream().map(map).toList();
        return new Page<>(items, page, size, query.count());
    }

    public static <T> Page<T> empty(int page, int size) {
        return new Page<>(List.of(), page, size, 0);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
