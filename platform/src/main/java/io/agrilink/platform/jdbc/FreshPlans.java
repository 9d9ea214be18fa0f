package io.agrilink.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/**
 * Statements PostgreSQL plans afresh on every run, with their actual parameters and the tables as
 * they are at that moment, for the hot paths written with plain JDBC (stock reservations, order
 * placement).
 *
 * <p>A statement the driver has server-prepared settles on a generic plan after five runs and
 * keeps it until the next {@code ANALYZE} of its tables. Planned while a table was new and
 * empty, a lookup of a batch's keys stayed a sequential scan as the table filled up: 12 ms
 * instead of 0.1 ms per batch after 17,000 orders, measured in the flash-sale benchmark. These
 * statements take tens of microseconds to plan; queries whose plans are dear (search) keep the
 * driver's usual caching.
 */
public final class FreshPlans {

    private FreshPlans() {
    }

    /** Like {@link Connection#prepareStatement(String)}, never server-prepared (planned at each run). */
    public static PreparedStatement prepare(Connection db, String sql) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }
}
