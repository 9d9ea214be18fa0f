package io.agrilink.logistics.service;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list: {@code {"items": [...], "page": 0, "size": 20, "total": 123}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> map) {
        List<T> items = query.page(page, size).list().stream().map(map).toList();
        return new Page<>(items, page, size, query.count());
    }

    public static <T> Page<T> empty(int page, int size) {
        return new Page<>(List.of(), page, size, 0);
    }
}
