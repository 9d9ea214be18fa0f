package io.agrilink.order.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.agrilink.platform.jdbc.FreshPlans;

/**
 * Many rows of one table in one statement: each column's values travel as one PostgreSQL array
 * and {@code unnest} turns the arrays back into rows. The statement is the same short text
 * whatever the number of rows, where a multi-row {@code values} list grows with the batch and
 * binds every value as its own parameter.
 */
final class RowInserts {

    private final String table;
    private final String[] names;
    private final String[] types;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param columns {@code "name type"} pairs; type is a PostgreSQL type name ({@code int8}, {@code text}, {@code bool}, ...). */
    RowInserts(String table, String... columns) {
        this.table = table;
        this.names = Stream.of(columns).map(c -> c.split(" ")[0]).toArray(String[]::new);
        this.types = Stream.of(columns).map(c -> c.split(" ")[1]).toArray(String[]::new);
        this.sql = "insert into " + table + " (" + String.join(", ", names) + ") select * from unnest("
                + Stream.of(types).map(t -> "?::" + t + "[]").collect(Collectors.joining(", ")) + ")";
    }

    /** One row, its values in the order of the columns; times and dates as ISO-8601 text, enums by name. */
    RowInserts row(Object... values) {
        if (values.length != names.length) {
            throw new IllegalArgumentException(table + " has " + names.length + " columns, not " + values.length);
        }
        rows.add(values);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void insert(Connection db) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = FreshPlans.prepare(db, sql)) {
            for (int column = 0; column < names.length; column++) {
                Object[] values = new Object[rows.size()];
                for (int row = 0; row < values.length; row++) {
                    Object value = rows.get(row)[column];
                    values[row] = value == null || value instanceof Number || value instanceof Boolean
                            || value instanceof String ? value : value.toString();
                }
                String arrayType = "timestamptz".equals(types[column]) || "date".equals(types[column]) ? "text"
                        : types[column];
                insert.setArray(column + 1, db.createArrayOf(arrayType, values));
            }
            int inserted = insert.executeUpdate();
            if (inserted != rows.size()) {
                throw new SQLException(table + ": " + inserted + " rows inserted of " + rows.size());
            }
        }
    }
}
