package io.agrilink.suite.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.agrilink.suite.LocalSuite;

/**
 * The bare-SQL ceiling of one order: PostgreSQL's {@code pgbench} runs {@code bench/one-order.sql}
 * — the durable work of one flash-sale order as plain SQL, one order per transaction (catalog's
 * reservation, order-service's order, catalog's confirmation, the outbox row's delete: four
 * durable commits) — on ONE hot lot, on the flash sale's PostgreSQL with its settings
 * ({@code synchronous_commit=on}, {@code fsync=on}), in one database holding catalog-service's
 * and order-service's schemas, migrated by their own Flyway files. No service and no HTTP: the
 * most orders/s a design that commits every order on its own could reach on this machine, to
 * set beside {@code ./agrilink bench FlashSale}. Prints orders/s (pgbench's tps), latency
 * average, stddev and percentiles (from pgbench's per-transaction log), and the invariant.
 * Run: {@code ./agrilink bench OrderSqlCeiling} (options: {@code -Dbench.clients=64
 * -Dbench.seconds=30 -Dbench.pgbench=/usr/bin/pgbench}).
 */
class OrderSqlCeilingBenchmark {

    private static final String DATABASE = "order_sql_ceiling";
    private static final long INITIAL_GRAMS = 540_000_000L; // 540 tonnes: enough never to sell out during the run
    private static final long GRAMS_PER_ORDER = 2_000; // as bench/one-order.sql's :grams

    @Test
    void oneOrderPerTransactionOnOneHotLot() throws Exception {
        int clients = Integer.getInteger("bench.clients", 64);
        int seconds = Integer.getInteger("bench.seconds", 30);
        Path pgbench = Path.of(System.getProperty("bench.pgbench", "/usr/bin/pgbench"));
        if (!Files.isExecutable(pgbench)) {
            throw new IllegalStateException("This benchmark runs PostgreSQL's pgbench, and there is none at " + pgbench
                    + ". Install it (Debian, Ubuntu: sudo apt-get install postgresql-client; macOS: brew install libpq)"
                    + " or give its path with -Dbench.pgbench=/path/to/pgbench.");
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "bench-order-sql-ceiling").toAbsolutePath();
        BenchSupport.clean(data);
        Path script = Path.of(OrderSqlCeilingBenchmark.class.getResource("/bench/one-order.sql").toURI());
        // the flash sale's PostgreSQL and settings, on a free port of its own; no service is started
        try (LocalSuite suite = new LocalSuite(LocalSuite.Options.defaults(root, data),
                line -> System.out.println("[suite] " + line))) {
            suite.startDatabase();
            try (Connection postgres = connect(suite, "postgres"); Statement create = postgres.createStatement()) {
                create.execute("create database " + DATABASE);
            }
            migrate(suite, "catalog", root.resolve("catalog-service/src/main/resources/db/migration"));
            migrate(suite, "orders", root.resolve("order-service/src/main/resources/db/migration"));
            HotLot lot;
            String serverVersion;
            try (Connection db = connect(suite, DATABASE)) {
                lot = seed(db);
                serverVersion = one(db, "show server_version");
            }

            Path logs = data.resolve("pgbench");
            Files.createDirectories(logs);
            URI server = URI.create(suite.jdbcUrl(DATABASE).substring("jdbc:".length()));
            List<String> command = List.of(pgbench.toString(), "-h", server.getHost(), "-p",
                    Integer.toString(server.getPort()), "-U", suite.dbUser(), "-n", "-c", Integer.toString(clients),
                    "-j", Integer.toString(Math.min(2, clients)), "-T", Integer.toString(seconds), "-M", "prepared",
                    "-f", script.toString(), "-D", "lot_id=" + lot.id(), "-D", "product_id=" + lot.productId(),
                    "-D", "producer_id=" + lot.producerId(), "-D", "harvest_date=" + lot.harvestDate(), "-l",
                    "--log-prefix=" + logs.resolve("transactions"), DATABASE);
            System.out.println("[bench] " + String.join(" ", command));
            String output = run(command, suite.dbPassword());
            System.out.println(output.strip().indent(2));

            long[] latencies = latenciesMicros(logs);
            Load.Result result = new Load.Result(latencies.length, latencies.length, seconds, latencies, Map.of());
            String pgbenchVersion = run(List.of(pgbench.toString(), "--version"), null).strip();
            String figures = String.format("bare SQL, one order per transaction, %d clients: %,.0f orders/s (pgbench tps),"
                    + " latency average %.1f ms, stddev %.1f ms, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
                    + " %,d orders in %d s (%s failed), 4 durable commits each; PostgreSQL %s, %s",
                    clients, number(output, "tps = ([0-9.]+)"), number(output, "latency average = ([0-9.]+) ms"),
                    stddevMillis(latencies), result.percentileMillis(50), result.percentileMillis(95),
                    result.percentileMillis(99), result.percentileMillis(100),
                    (long) number(output, "number of transactions actually processed: ([0-9]+)"), seconds,
                    text(output, "number of failed transactions: ([0-9]+)", "0"), serverVersion, pgbenchVersion);
            String invariant;
            try (Connection db = connect(suite, DATABASE)) {
                invariant = invariant(db, lot.id());
            }
            String machine = BenchSupport.machine();
            System.out.println(machine);
            System.out.println(figures);
            System.out.println(invariant);
            BenchSupport.record("order-sql-ceiling", List.of(machine, figures, invariant));
        }
    }

    /** The lot every order takes from, and what the script writes about it in the order's line. */
    private record HotLot(long id, long productId, long producerId, LocalDate harvestDate) {
    }

    private static Connection connect(LocalSuite suite, String database) throws SQLException {
        return DriverManager.getConnection(suite.jdbcUrl(database), suite.dbUser(), suite.dbPassword());
    }

    /** One service's migrations, as Flyway runs them in the service, into a schema of its own. */
    private static void migrate(LocalSuite suite, String schema, Path migrations) {
        Flyway.configure()
                .dataSource(suite.jdbcUrl(DATABASE), suite.dbUser(), suite.dbPassword())
                .schemas(schema)
                .locations("filesystem:" + migrations)
                .load()
                .migrate();
    }

    /** The flash sale's producer, product and hot lot, as catalog-service stores them. */
    private static HotLot seed(Connection db) throws SQLException {
        long producer = insert(db, """
                insert into catalog.producer (id, name, kind, province, province_given, commune, phone)
                values (nextval('catalog.producer_seq'), 'HTX Vải thiều Lục Ngạn', 'COOPERATIVE', 'Bắc Giang',
                        'Bắc Giang', 'Phường Phượng Sơn', '0912 345 678')
                returning id""");
        execute(db, "insert into catalog.producer_owner (producer_id, subject) values (?, 'farmer-lan')", producer);
        long product = insert(db, """
                insert into catalog.product (id, producer_id, category, price_per_kg, shelf_life_days, cold_chain,
                        min_celsius, max_celsius, search_text, sort_name)
                values (nextval('catalog.product_seq'), ?, 'FRUIT', 60000, 21, true, 2, 5,
                        'vai thieu luc ngan loai 1 luc ngan lychee, grade 1 htx vai thieu luc ngan bac giang xa phuong son',
                        'vai thieu luc ngan loai 1')
                returning id""", producer);
        execute(db, """
                insert into catalog.product_text (product_id, language, name)
                values (?, 'vi', 'Vải thiều Lục Ngạn loại 1'), (?, 'en', 'Luc Ngan lychee, grade 1')""", product, product);
        execute(db, "insert into catalog.product_season_month (product_id, month) values (?, 5), (?, 6), (?, 7)",
                product, product, product);
        LocalDate harvest = LocalDate.now();
        long lot = insert(db, """
                insert into catalog.lot (id, product_id, harvest_date, best_before, quantity_grams, available_grams)
                values (nextval('catalog.lot_seq'), ?, ?, ?, ?, ?)
                returning id""", product, harvest, harvest.plusDays(21), INITIAL_GRAMS, INITIAL_GRAMS);
        return new HotLot(lot, product, producer, harvest);
    }

    /** The books after the run: catalog's lot against order-service's orders, and nothing left in the outbox. */
    private static String invariant(Connection db, long lotId) throws SQLException {
        long quantity;
        long available;
        long held;
        long confirmed;
        try (PreparedStatement select = db.prepareStatement(
                "select quantity_grams, available_grams, held_grams, confirmed_grams from catalog.lot where id = ?")) {
            select.setLong(1, lotId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                quantity = rs.getLong(1);
                available = rs.getLong(2);
                held = rs.getLong(3);
                confirmed = rs.getLong(4);
            }
        }
        long orders = Long.parseLong(one(db, "select count(*) from orders.customer_order"));
        long reservationsConfirmed = Long.parseLong(one(db,
                "select count(*) from catalog.reservation where status = 'CONFIRMED'"));
        long outboxLeft = Long.parseLong(one(db, "select count(*) from orders.outbox_message"));
        long reserved = held + confirmed;
        return String.format("invariant: grams held %,d + confirmed %,d + available %,d = %,d (quantity %,d) %s; "
                + "orders %,d × 2,000 g = %,d g vs reserved %,d g %s; reservations confirmed %,d; outbox rows left %,d",
                held, confirmed, available, reserved + available, quantity,
                reserved + available == quantity ? "holds" : "BROKEN", orders, orders * GRAMS_PER_ORDER, reserved,
                orders * GRAMS_PER_ORDER == reserved ? "holds" : "BROKEN", reservationsConfirmed, outboxLeft);
    }

    private static long insert(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement insert = bind(db, sql, parameters); ResultSet rs = insert.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = bind(db, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement bind(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static String one(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Runs a command to its end; its output (stdout and stderr), or a failure carrying it. */
    private static String run(List<String> command, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the script's Vietnamese names go to the server as UTF-8 whatever this machine's locale
        builder.environment().put("PGCLIENTENCODING", "UTF8");
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(command.get(0) + " failed (exit " + exit + "):\n" + output);
        }
        return output;
    }

    /**
     * Each transaction's latency from pgbench's per-transaction logs ({@code -l}, one file per
     * thread; the third field is the latency in µs), sorted. pgbench prints a latency stddev only
     * with {@code --progress}, and no percentiles.
     */
    private static long[] latenciesMicros(Path logs) throws IOException {
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length >= 3 && fields[2].chars().allMatch(Character::isDigit)) {
                        latencies.add(Long.parseLong(fields[2]));
                    }
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double stddevMillis(long[] latenciesMicros) {
        double mean = Arrays.stream(latenciesMicros).average().orElse(Double.NaN);
        double variance = Arrays.stream(latenciesMicros).mapToDouble(l -> (l - mean) * (l - mean)).average()
                .orElse(Double.NaN);
        return Math.sqrt(variance) / 1000;
    }

    private static double number(String output, String regex) {
        return Double.parseDouble(text(output, regex, "NaN"));
    }

    private static String text(String output, String regex, String otherwise) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        return matcher.find() ? matcher.group(1) : otherwise;
    }
}
