package io.agrilink.order.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agrilink.platform.jdbc.FreshPlans;

/**
 * Primary keys for rows written with plain JDBC, from the same sequences Hibernate uses and in the
 * same way: every sequence is {@code increment by 50}, and a value {@code v} from {@code nextval}
 * owns the ids {@code v .. v+49} (the {@code pooled-lo} optimizer, Quarkus' default). Ids left
 * over from a block serve the next batches, as in Hibernate, so order numbers do not jump by 50
 * per batch; the blocks a batch still needs come in one round trip. Ids of a batch that is rolled
 * back are not reused (gaps, as with any sequence).
 */
final class IdBlocks {

    static final int BLOCK = 50;

    private final Map<String, Deque<Long>> free = new HashMap<>();

    /** Takes {@code counts} ids (sequence name → how many) for one batch. */
    synchronized Taken take(Connection db, Map<String, Integer> counts) throws SQLException {
        List<String> blocks = new ArrayList<>();
        counts.forEach((sequence, count) -> {
            int missing = count - free.computeIfAbsent(sequence, s -> new ArrayDeque<>()).size();
            for (int i = 0; i < (missing + BLOCK - 1) / BLOCK; i++) {
                blocks.add(sequence);
            }
        });
        if (!blocks.isEmpty()) {
            try (PreparedStatement next = FreshPlans.prepare(db,
                    "select s, nextval(s::regclass) from unnest(?::text[]) as s")) {
                next.setArray(1, db.createArrayOf("text", blocks.toArray()));
                try (ResultSet rs = next.executeQuery()) {
                    while (rs.next()) {
                        Deque<Long> ids = free.get(rs.getString(1));
                        for (long id = rs.getLong(2), end = id + BLOCK; id < end; id++) {
                            ids.add(id);
                        }
                    }
                }
            }
        }
        Map<String, Deque<Long>> taken = new HashMap<>();
        counts.forEach((sequence, count) -> {
            Deque<Long> ids = new ArrayDeque<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(free.get(sequence).poll());
            }
            taken.put(sequence, ids);
        });
        return new Taken(taken);
    }

    /** The ids taken for one batch. */
    record Taken(Map<String, Deque<Long>> ids) {

        long next(String sequence) {
            Deque<Long> left = ids.get(sequence);
            if (left == null || left.isEmpty()) {
                throw new IllegalStateException("No id left for " + sequence);
            }
            return left.poll();
        }
    }
}
