package io.agrilink.catalog;

import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.OutboxShape;
import io.agrilink.platform.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** catalog-service's outbox tables (V3) have the platform's one shape. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OutboxTableTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void outboxTablesHaveThePlatformShape() throws SQLException {
        OutboxShape.check(dataSource);
    }
}
