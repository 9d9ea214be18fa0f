package io.agrilink.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.agrilink.suite.sandbox.PaymentSandboxes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole suite on one machine, as the launcher, the cross-service tests and the benchmarks
 * run it: one PostgreSQL (embedded, or yours) with a database per service, Keycloak on it when
 * {@link Options#identityProvider()} is on, and the four packaged services as separate processes
 * that trust Keycloak's realm keys, or else a locally generated key; the launcher adds the web app
 * ({@link #startWebApp()}), signing people in at Keycloak. Beside them, in this process, the local
 * payment sandboxes ({@link PaymentSandboxes}: a demo bank, VNPay, Stripe) that order-service is
 * configured to pay through, with secrets generated for the run.
 */
public final class LocalSuite implements AutoCloseable {

    /** The web app's module, process and pid-file name. */
    public static final String WEB_APP = "web";
    private static final int WEB_DEFAULT_PORT = 8085;

    /** The merchant's account at the demo bank: what VietQR codes pay into and notifications are about. */
    public static final String BANK_BIN = "970436";
    public static final String BANK_ACCOUNT = "0071000888888";
    public static final String BANK_ACCOUNT_NAME = "HTX NONG SAN LUC NGAN";

    /**
     * How to run the suite.
     *
     * @param root        the repository root (where the services' {@code target/quarkus-app} are)
     * @param dataDir     where PostgreSQL's files, the keys and the logs live
     * @param portOffset  added to each service's default port (8081..8084)
     * @param postgresPort the embedded PostgreSQL's port; 0 for any free one
     * @param externalJdbcBase e.g. {@code jdbc:postgresql://db:5432}; null for the embedded one
     * @param dbUser      user for the external database
     * @param dbPassword  password for the external database
     * @param extraProperties added to every service's configuration
     */
    public record Options(Path root, Path dataDir, int portOffset, int postgresPort, String externalJdbcBase,
            String dbUser, String dbPassword, Map<String, String> extraProperties, boolean identityProvider) {

        /** No identity provider: the services trust the local key pair ({@code --no-idp}, the services' e2e tests). */
        public static Options defaults(Path root, Path dataDir) {
            return new Options(root, dataDir, 0, 0, null, "postgres", "postgres", Map.of(), false);
        }

        public Options withPortOffset(int offset) {
            return new Options(root, dataDir, offset, postgresPort, externalJdbcBase, dbUser, dbPassword,
                    extraProperties, identityProvider);
        }

        public Options withPostgresPort(int port) {
            return new Options(root, dataDir, portOffset, port, externalJdbcBase, dbUser, dbPassword, extraProperties,
                    identityProvider);
        }

        public Options withExternalDatabase(String jdbcBase, String user, String password) {
            return new Options(root, dataDir, portOffset, postgresPort, jdbcBase, user, password, extraProperties,
                    identityProvider);
        }

        public Options withProperties(Map<String, String> properties) {
            Map<String, String> all = new LinkedHashMap<>(extraProperties);
            all.putAll(properties);
            return new Options(root, dataDir, portOffset, postgresPort, externalJdbcBase, dbUser, dbPassword, all,
                    identityProvider);
        }

        /** With Keycloak: the services trust only its realm's keys and get their own tokens from it. */
        public Options withIdentityProvider(boolean on) {
            return new Options(root, dataDir, portOffset, postgresPort, externalJdbcBase, dbUser, dbPassword,
                    extraProperties, on);
        }
    }

    /** How long PostgreSQL may take to accept connections (system property {@code agrilink.postgres.startup-wait}, seconds). */
    /**
     * How long a service may take to answer ready. Its death is noticed at once (with its log's
     * tail), so this only bounds a slow start: four JVMs and Keycloak starting together on a busy
     * two-core laptop take minutes, not seconds. Keycloak, importing its realm at the same time,
     * gets twice as long.
     */
    private static final Duration SERVICE_STARTUP_WAIT = Duration.ofSeconds(Long.getLong("agrilink.service.startup-wait", 300));
    private static final Duration POSTGRES_STARTUP_WAIT = Duration.ofSeconds(Long.getLong("agrilink.postgres.startup-wait", 60));

    private final Options options;
    private final Consumer<String> progress;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private ServiceProcess web;
    private PaymentSandboxes sandboxes;
    private EmbeddedPostgres postgres;
    private String jdbcBase;
    private LocalKeys keys;
    private KeycloakServer keycloak;
    private KeycloakClient keycloakClient;
    private long keycloakStarted;
    private final EarlierRun run;

    public LocalSuite(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
        this.run = new EarlierRun(options.dataDir(), progress);
    }

    /**
     * Takes the data folder for this run: refuses when a live {@code ./agrilink up} holds it, and
     * stops the services and PostgreSQL that a run killed hard left behind (saying so).
     */
    public void claimDataFolder() throws IOException {
        run.claim();
    }

    /** Fails with a clear message when a port the suite needs is taken. */
    public void checkPortsFree() throws IOException {
        List<String> taken = new ArrayList<>();
        for (Service service : Service.values()) {
            int port = service.defaultPort() + options.portOffset();
            if (!isFree(port)) {
                taken.add(port + " (" + service.artifact() + ")");
            }
        }
        if (!isFree(WEB_DEFAULT_PORT + options.portOffset())) {
            taken.add((WEB_DEFAULT_PORT + options.portOffset()) + " (web)");
        }
        if (!isFree(sandboxPort())) {
            taken.add(sandboxPort() + " (payment sandboxes)");
        }
        if (options.identityProvider() && !isFree(keycloakPort())) {
            taken.add(keycloakPort() + " (Keycloak)");
        }
        if (options.externalJdbcBase() == null && options.postgresPort() != 0 && !isFree(options.postgresPort())) {
            taken.add(options.postgresPort() + " (PostgreSQL)");
        }
        if (!taken.isEmpty()) {
            throw new PortInUseException("Port " + String.join(", ", taken) + " already in use. Stop whatever uses it "
                    + "(is another ./agrilink up running?), or start with --port-offset 100 to move the suite "
                    + "to 8180..8186.");
        }
    }

    /** Starts PostgreSQL and creates one database per service. */
    public void startDatabase() throws IOException, SQLException {
        keys = LocalKeys.in(options.dataDir().resolve("keys"));
        if (options.externalJdbcBase() != null) {
            jdbcBase = options.externalJdbcBase().replaceAll("/+$", "");
        } else {
            Files.createDirectories(options.dataDir().resolve("postgres-binaries"));
            EmbeddedPostgres.Builder builder = postgresBuilder()
                    .setPGStartupWait(POSTGRES_STARTUP_WAIT)
                    .setServerConfig("shared_buffers", "256MB");
            if (options.postgresPort() != 0) {
                builder.setPort(options.postgresPort());
            }
            postgres = start(builder);
            jdbcBase = "jdbc:postgresql://localhost:" + postgres.getPort();
        }
        try (Connection db = DriverManager.getConnection(jdbcBase + "/postgres", options.dbUser(), options.dbPassword());
                PreparedStatement exists = db.prepareStatement("select 1 from pg_database where datname = ?")) {
            List<String> databases = new ArrayList<>();
            for (Service service : Service.values()) {
                databases.add(service.database());
            }
            if (options.identityProvider()) {
                databases.add(KeycloakServer.DATABASE);
            }
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet found = exists.executeQuery()) {
                    if (!found.next()) {
                        try (Statement create = db.createStatement()) {
                            create.execute("create database " + database);
                        }
                    }
                }
            }
        }
    }

    /** The embedded PostgreSQL on the data folder's files, durable as production: every commit reaches the disk. */
    private EmbeddedPostgres.Builder postgresBuilder() {
        return EmbeddedPostgres.builder()
                .setDataDirectory(options.dataDir().resolve("postgres"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(options.dataDir().resolve("postgres-binaries").toFile())
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("timezone", "UTC");
    }

    /**
     * Starts PostgreSQL with its own log in {@code <data>/logs/postgresql.log}; when it does not
     * come up, the failure carries the log's last lines (PostgreSQL says why) and what to do.
     */
    private EmbeddedPostgres start(EmbeddedPostgres.Builder builder) throws IOException {
        Path log = postgresLog();
        Files.createDirectories(log.getParent());
        builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IOException("PostgreSQL did not start (" + e.getMessage() + "). The end of its log, " + log
                    + ":\n" + LocalProcess.tail(log, 15).indent(2)
                    + "What to do: if another PostgreSQL uses " + options.dataDir().resolve("postgres")
                    + ", stop it; if its files are damaged, ./agrilink up --fresh starts over (it deletes the data); "
                    + "or run on your own PostgreSQL with --db-url.", e);
        }
    }

    private Path postgresLog() {
        return options.dataDir().resolve("logs").resolve("postgresql.log");
    }

    /**
     * Starts Keycloak on the suite's PostgreSQL (its own database), returning at once: the services
     * start beside it (they fetch its keys on their first token), and {@link #awaitIdentityProvider()}
     * waits until its realm is served. A no-op without an identity provider.
     */
    public void startIdentityProvider() throws IOException {
        if (!options.identityProvider()) {
            return;
        }
        keycloak = new KeycloakServer(options.root().resolve("suite/target/keycloak-dist"), options.dataDir(),
                keycloakPort(), jdbcBase + "/" + KeycloakServer.DATABASE, options.dbUser(), options.dbPassword(),
                webUrl(), progress);
        keycloak.install();
        keycloakStarted = System.nanoTime();
        keycloak.start();
        run.record(KeycloakServer.PROCESS_NAME, keycloak.pid());
        IdentitySecrets secrets = keycloak.secrets();
        keycloakClient = new KeycloakClient(keycloak.url(), KeycloakServer.REALM, secrets,
                username -> secrets.demoPassword());
    }

    /** Waits until the Keycloak {@link #startIdentityProvider()} started serves its realm. */
    public void awaitIdentityProvider() throws IOException, InterruptedException {
        if (keycloak == null) {
            return;
        }
        keycloak.awaitReady(SERVICE_STARTUP_WAIT.multipliedBy(2));
        progress.accept(String.format("Keycloak %s ready on %s (%.1f s)", keycloak.version(), keycloak.url(),
                (System.nanoTime() - keycloakStarted) / 1e9));
        if (keycloakClient.pointWebClientAt(webUrl())) {
            progress.accept("the realm's web client now redirects to " + webUrl() + " (an earlier run used another port)");
        }
    }

    /** Starts Keycloak again after {@link #stopIdentityProvider()} (an outage), on the same port and data. */
    public void restartIdentityProvider() throws IOException, InterruptedException {
        keycloak.start();
        run.record(KeycloakServer.PROCESS_NAME, keycloak.pid());
        keycloak.awaitReady(Duration.ofSeconds(180));
    }

    /** Stops Keycloak (an outage), leaving the services running. */
    public void stopIdentityProvider() throws InterruptedException {
        if (keycloak != null) {
            keycloak.stop(Duration.ofSeconds(30));
        }
    }

    /** The running Keycloak, or null without an identity provider. */
    public KeycloakServer identityProvider() {
        return keycloak;
    }

    /**
     * Tokens for the suite's users: signed in at Keycloak when it runs (the demo users' password),
     * else minted with the local key pair.
     */
    public TokenSource tokens(Duration localLifespan) {
        if (keycloakClient != null) {
            return keycloakClient;
        }
        return (role, subject) -> keys.token(role, subject, localLifespan);
    }

    /** Talks to the running Keycloak, or null without one. */
    public KeycloakClient keycloak() {
        return keycloakClient;
    }

    private int keycloakPort() {
        return KeycloakServer.DEFAULT_PORT + options.portOffset();
    }

    /** Where the web app will be (its port is reserved in the realm's redirect URIs). */
    public String webUrl() {
        return "http://localhost:" + (WEB_DEFAULT_PORT + options.portOffset());
    }

    /**
     * Starts the web app and waits until it is ready. With Keycloak people sign in there as
     * {@code agrilink-web}; without one ({@code --no-idp}) it serves the public pages only, as no
     * one could sign in: the local key signs tokens, it logs no one in.
     */
    public void startWebApp() throws IOException, InterruptedException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            properties.put("quarkus.rest-client." + service.shortName() + ".url", baseUrl(service));
        }
        if (keycloak != null) {
            properties.put("quarkus.oidc.tenant-enabled", "true");
            properties.put("quarkus.oidc.auth-server-url", keycloak.issuer());
            properties.put("quarkus.oidc.client-id", "agrilink-web");
            properties.put("quarkus.oidc.credentials.secret", keycloak.secrets().webClientSecret());
            // served over http on this machine: a Secure cookie would never come back
            properties.put("quarkus.oidc.authentication.cookie-force-secure", "false");
            properties.put("agrilink.web.identity-provider-origin", keycloak.url());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        if (sandboxes != null) {
            // the payment page links a VietQR code to the demo bank that "scans" it, and its pay button's
            // redirect goes to the sandboxes' VNPay and Stripe pages (the CSP's form-action must allow them)
            environment.put("AGRILINK_WEB_BANK_SANDBOX_URL", sandboxes.url());
            environment.put("AGRILINK_WEB_PAYMENT_ORIGINS", sandboxes.url());
        }
        web = new ServiceProcess(null, WEB_APP, WEB_DEFAULT_PORT + options.portOffset(),
                options.root().resolve("web/target/quarkus-app/quarkus-run.jar"),
                options.dataDir().resolve("logs").resolve("web.log"), properties, environment);
        long begin = System.nanoTime();
        web.start();
        run.record(WEB_APP, web.pid());
        web.awaitReady(SERVICE_STARTUP_WAIT);
        progress.accept(String.format("web ready on %s%s (%.1f s)", web.baseUrl(),
                keycloak != null ? "" : " (public pages only: no sign-in without Keycloak)",
                (System.nanoTime() - begin) / 1e9));
    }

    /** The running web app, or null. */
    public ServiceProcess webApp() {
        return web;
    }

    /**
     * Starts the local payment sandboxes (a no-op when they run), with the run's payment secrets
     * ({@code <data>/payments/secrets.properties}); {@link #startServices()} does it first, as
     * order-service takes its payments through them.
     */
    public synchronized void startPaymentSandboxes() throws IOException {
        if (sandboxes != null) {
            return;
        }
        PaymentSecrets secrets = PaymentSecrets.in(options.dataDir().resolve("payments"));
        PaymentSandboxes started = new PaymentSandboxes(new PaymentSandboxes.Settings(sandboxPort(),
                baseUrl(Service.ORDER), secrets, BANK_BIN, BANK_ACCOUNT, BANK_ACCOUNT_NAME));
        started.start();
        sandboxes = started;
        progress.accept("payment sandboxes (demo bank, VNPay, Stripe) ready on " + sandboxes.url());
    }

    /** The running payment sandboxes (their URL, counts and outage switches), or null before {@link #startServices()}. */
    public PaymentSandboxes paymentSandboxes() {
        return sandboxes;
    }

    private int sandboxPort() {
        return PaymentSandboxes.DEFAULT_PORT + options.portOffset();
    }

    /** Starts the payment sandboxes, then the four services in parallel, and waits until each is ready. */
    public void startServices() throws Exception {
        startPaymentSandboxes();
        for (Service service : Service.values()) {
            services.put(service, process(service));
        }
        ExecutorService starter = Executors.newFixedThreadPool(Service.values().length);
        try {
            List<Future<Object>> started = new ArrayList<>();
            for (ServiceProcess process : services.values()) {
                process.start();
                run.record(process.name(), process.pid());
                started.add(starter.submit((Callable<Object>) () -> {
                    long begin = System.nanoTime();
                    process.awaitReady(SERVICE_STARTUP_WAIT);
                    progress.accept(String.format("%s ready on %s (%.1f s)", process.name(),
                            process.baseUrl(), (System.nanoTime() - begin) / 1e9));
                    return null;
                }));
            }
            for (Future<Object> ready : started) {
                ready.get();
            }
        } finally {
            starter.shutdown();
        }
    }

    private ServiceProcess process(Service service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.jdbc.url", jdbcBase + "/" + service.database());
        properties.put("quarkus.datasource.username", options.dbUser());
        properties.put("quarkus.datasource.password", options.dbPassword());
        if (keycloak != null) {
            properties.putAll(identityProviderProperties(service));
        } else {
            properties.put("mp.jwt.verify.publickey.location", keys.publicKeyFile().toAbsolutePath().toString());
            properties.put("smallrye.jwt.sign.key.location", keys.privateKeyFile().toAbsolutePath().toString());
        }
        if (service == Service.TRAINING) {
            // the certificate pair goes to the one service that signs certificates, and is trusted by none for a login
            properties.put("agrilink.training.certificates.sign-key-location",
                    keys.certificatePrivateKeyFile().toAbsolutePath().toString());
            properties.put("agrilink.training.certificates.verify-key-location",
                    keys.certificatePublicKeyFile().toAbsolutePath().toString());
            properties.put("agrilink.training.certificates.key-id", LocalKeys.CERTIFICATE_KEY_ID);
        }
        for (Service other : Service.values()) {
            properties.put("quarkus.rest-client." + other.shortName() + ".url", baseUrl(other));
        }
        // the packaged services run in profile prod, whose JSON lines are for Kubernetes' log collector
        properties.put("quarkus.log.console.json.enabled", "false");
        properties.putAll(options.extraProperties());
        Map<String, String> environment = new LinkedHashMap<>();
        if (service == Service.ORDER && sandboxes != null) {
            // as in Kubernetes, where they come from the Secret order-payments
            environment.putAll(sandboxes.orderServiceEnvironment(webUrl() + "/my/orders/{orderId}/payment"));
        }
        Path jar = options.root().resolve(service.artifact()).resolve("target/quarkus-app/quarkus-run.jar");
        Path log = options.dataDir().resolve("logs").resolve(service.artifact() + ".log");
        return new ServiceProcess(service, service.defaultPort() + options.portOffset(), jar, log, properties,
                environment);
    }

    /**
     * A service in identity-provider mode, as in Kubernetes: Keycloak's JWKS is the only key it
     * trusts, issuer and audience are checked, roles are the realm's, and its own calls carry
     * client-credentials tokens of {@code agrilink-services}.
     */
    private Map<String, String> identityProviderProperties(Service service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mp.jwt.verify.publickey.location", keycloak.jwksUrl());
        properties.put("mp.jwt.verify.issuer", keycloak.issuer());
        properties.put("mp.jwt.verify.audiences", "agrilink");
        properties.put("smallrye.jwt.path.groups", "realm_access/roles");
        properties.put("agrilink.service-identity", "identity-provider");
        properties.put("quarkus.oidc-client.client-enabled", "true");
        properties.put("quarkus.oidc-client.auth-server-url", keycloak.issuer());
        properties.put("quarkus.oidc-client.client-id", KeycloakClient.SERVICES_CLIENT);
        properties.put("quarkus.oidc-client.credentials.secret", keycloak.secrets().servicesClientSecret());
        if (service == Service.CATALOG) {
            // staff register farmers', carriers' and buyers' accounts through catalog-service
            properties.put("quarkus.keycloak.admin-client.server-url", keycloak.url());
            properties.put("quarkus.keycloak.admin-client.realm", KeycloakServer.REALM);
            properties.put("quarkus.keycloak.admin-client.client-id", "agrilink-accounts");
            properties.put("quarkus.keycloak.admin-client.client-secret", keycloak.secrets().accountsClientSecret());
            properties.put("quarkus.keycloak.admin-client.grant-type", "CLIENT_CREDENTIALS");
            // where a newly registered farmer signs in and chooses her own password
            properties.put("agrilink.catalog.accounts.sign-in-url", keycloak.issuer() + "/account");
        }
        return properties;
    }

    public String baseUrl(Service service) {
        return "http://localhost:" + (service.defaultPort() + options.portOffset());
    }

    public Map<String, String> baseUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            urls.put(service.shortName(), baseUrl(service));
        }
        return urls;
    }

    public ServiceProcess service(Service service) {
        return services.get(service);
    }

    public LocalKeys keys() {
        return keys;
    }

    /** The JDBC URL of a service's database. */
    public String jdbcUrl(Service service) {
        return jdbcUrl(service.database());
    }

    /** The JDBC URL of any database on the suite's PostgreSQL (a benchmark's own, {@code postgres}). */
    public String jdbcUrl(String database) {
        return jdbcBase + "/" + database;
    }

    public String dbUser() {
        return options.dbUser();
    }

    public String dbPassword() {
        return options.dbPassword();
    }

    /** Stops the embedded database (an outage); {@link #restartDatabase()} brings it back on the same port. */
    public void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    public void restartDatabase() throws IOException {
        if (postgres == null) {
            return;
        }
        int port = postgres.getPort();
        postgres = start(postgresBuilder().setPort(port));
    }

    /** Stops the web app and the services (gracefully), then the payment sandboxes, Keycloak, the database. */
    @Override
    public void close() {
        if (web != null) {
            try {
                web.stop(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ServiceProcess process : services.values()) {
            try {
                process.stop(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sandboxes != null) {
            sandboxes.close();
        }
        try {
            stopIdentityProvider();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        run.release();
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as the services do: connections of a previous run in TIME_WAIT must not count as "in use"
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port the suite needs is taken. */
    public static final class PortInUseException extends IOException {
        public PortInUseException(String message) {
            super(message);
        }
    }
}
