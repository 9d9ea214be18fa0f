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
 * owns the ids {@code v .. v+49} (the {@code pooled-lo} optimizer, Quarkus' default). All the blocks
 * a batch needs come in one round trip.
 */
final class IdBlocks {

    static final int BLOCK = 50;

    private final Map<String, Deque<Long>> free = new HashMap<>();

    /** Reserves enough ids for {@code counts} (sequence name → ids needed). */
    static IdBlocks allocate(Connection db, Map<String, Integer> counts) throws SQLException {
        IdBlocks ids = new IdBlocks();
        List<String> wanted = new ArrayList<>();
        counts.forEach((sequence, count) -> {
            for (int i = 0; i < (count + BLOCK - 1) / BLOCK; i++) {
                wanted.add(sequence);
            }
        });
        if (wanted.isEmpty()) {
            return ids;
        }
        try (PreparedStatement next = FreshPlans.prepare(db, 
                "select s, nextval(s::regclass) from unnest(?::text[]) as s")) {
            next.setArray(1, db.createArrayOf("text", wanted.toArray()));
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    long low = rs.getLong(2);
                    Deque<Long> block = ids.free.computeIfAbsent(rs.getString(1), s -> new ArrayDeque<>());
                    for (long id = low; id < low + BLOCK; id++) {
                        block.add(id);
                    }
                }
            }
        }
        return ids;
    }

    long next(String sequence) {
        Deque<Long> block = free.get(sequence);
        if (block == null || block.isEmpty()) {
            throw new IllegalStateException("No id left for " + sequence);
        }
        return block.poll();
    }
}
