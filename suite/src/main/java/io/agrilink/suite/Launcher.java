package io.agrilink.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.suite.demo.DemoContext;
import io.agrilink.suite.demo.DemoData;
import io.agrilink.suite.demo.PaymentDemo;

/**
 * {@code ./agrilink up}: one PostgreSQL, Keycloak, the four services, the Luc Ngan lychee week
 * demo data, and the demo users to sign in as. {@code ./agrilink token ROLE --sub SUBJECT} gets a
 * token: from Keycloak when it runs, else ({@code --no-idp} runs) signed with the local key.
 */
public final class Launcher {

    /** The demo loaders, by class name, in the suite's demo package. */
    private static final List<String> DEMO_LOADERS = List.of("CatalogDemo", "TrainingDemo", "LogisticsDemo",
            "OrderDemo", "PaymentDemo", "LivestreamDemo");

    /** One demo user per role: the default {@code --sub} of {@code ./agrilink token ROLE}. */
    private static final Map<String, String> DEMO_USERS = new LinkedHashMap<>();

    static {
        DEMO_USERS.put("staff", "staff-hoa");
        DEMO_USERS.put("farmer", "farmer-lan");
        DEMO_USERS.put("buyer", "buyer-hanoi");
        DEMO_USERS.put("carrier", "carrier-coldchain");
        DEMO_USERS.put("service", "agrilink-cli");
    }

    private final Instant begin = Instant.now();

    public static void main(String[] args) {
        Arguments arguments = Arguments.parse(args);
        try {
            switch (arguments.command()) {
                case "up" -> new Launcher().up(arguments);
                case "token" -> token(arguments);
                default -> usage();
            }
        } catch (LocalSuite.PortInUseException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("agrilink: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("agrilink: " + e.getMessage());
            System.exit(1);
        }
    }

    private void up(Arguments arguments) throws Exception {
        Path root = Path.of(arguments.option("root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(arguments.option("data", ".agrilink")).normalize();
        LocalSuite.Options options = LocalSuite.Options.defaults(root, data)
                .withPortOffset(Integer.parseInt(arguments.option("port-offset", "0")))
                .withPostgresPort(Integer.parseInt(arguments.option("pg-port", "0")));
        options = options.withIdentityProvider(!arguments.flag("no-idp"));
        if (arguments.has("db-url")) {
            options = options.withExternalDatabase(arguments.option("db-url", null),
                    arguments.option("db-user", "postgres"), arguments.option("db-password", "postgres"));
        }
        LocalSuite suite = new LocalSuite(options, this::step);
        // first, so that --fresh never deletes the files of a PostgreSQL still running on them
        suite.claimDataFolder();
        if (arguments.flag("fresh")) {
            step("Starting fresh: removing " + data);
            deleteRecursively(data);
            suite.claimDataFolder();
        }
        suite.checkPortsFree();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            step("Stopping the services, the payment sandboxes, Keycloak and PostgreSQL…");
            suite.close();
            step("Stopped. Your data stays in " + data + " (./agrilink up --fresh starts over).");
            stopped.countDown();
        }, "agrilink-shutdown"));

        step(options.externalJdbcBase() == null
                ? "Starting PostgreSQL 17 (embedded; data in " + data.resolve("postgres") + ")"
                : "Using PostgreSQL at " + options.externalJdbcBase());
        suite.startDatabase();
        step("Databases ready: catalog, orders, training, logistics" + (options.identityProvider() ? ", keycloak" : ""));
        Path identityProviderUrl = data.resolve("keycloak").resolve("url");
        if (options.identityProvider()) {
            step("Starting Keycloak (the first start unpacks it and imports the agrilink realm: about a minute; log in "
                    + data.resolve("logs").resolve("keycloak.log") + ")");
            suite.startIdentityProvider();
            Files.writeString(identityProviderUrl, suite.identityProvider().url());
        } else {
            step("No identity provider (--no-idp): the services trust the local key in " + data.resolve("keys"));
            Files.deleteIfExists(identityProviderUrl);
        }
        step("Starting the payment sandboxes and the four services (logs in " + data.resolve("logs") + ")");
        suite.startServices();
        suite.awaitIdentityProvider();
        step("Starting the web app");
        suite.startWebApp();

        Path demoMarker = data.resolve("demo-loaded");
        if (arguments.flag("no-demo")) {
            step("Demo data skipped (--no-demo)");
        } else if (Files.exists(demoMarker)) {
            step("Demo data already loaded on " + Files.readString(demoMarker).strip());
        } else {
            loadDemo(suite);
            Files.writeString(demoMarker, Instant.now().toString());
        }
        printWelcome(suite);
        stopped.await();
    }

    private void loadDemo(LocalSuite suite) throws Exception {
        loadDemo(suite, this::step);
    }

    /**
     * Loads the lychee-week demo data through the services' public APIs, signed in as its users
     * (at Keycloak when the suite runs one); the Keycloak tests load it the same way.
     */
    public static DemoContext loadDemo(LocalSuite suite, Consumer<String> progress) throws Exception {
        TokenSource tokens = suite.tokens(Duration.ofHours(1));
        Map<String, String> urls = new LinkedHashMap<>(suite.baseUrls());
        if (suite.paymentSandboxes() != null) {
            // the payment demo pays as buyers do: at the demo bank and VNPay's sandbox
            urls.put(PaymentDemo.SANDBOX, suite.paymentSandboxes().url());
        }
        DemoContext context = new DemoContext(urls, tokens::token);
        List<DemoData> loaders = new ArrayList<>();
        for (String name : DEMO_LOADERS) {
            try {
                loaders.add((DemoData) Class.forName("io.agrilink.suite.demo." + name).getDeclaredConstructor()
                        .newInstance());
            } catch (ClassNotFoundException notYet) {
                progress.accept("(no demo data for " + name.replace("Demo", "").toLowerCase() + " yet)");
            }
        }
        loaders.sort(Comparator.comparingInt(DemoData::order));
        for (DemoData loader : loaders) {
            progress.accept("Loading demo data: " + loader.description());
            loader.load(context);
        }
        return context;
    }

    private void printWelcome(LocalSuite suite) {
        StringBuilder out = new StringBuilder();
        out.append("\nAgriLink is running (").append(seconds()).append(" s). Press Ctrl-C to stop.\n\n");
        out.append("  Open ").append(suite.webUrl()).append(suite.identityProvider() != null
                ? "  (the web app; sign in as a demo user below)\n\n"
                : "  (the web app: public pages only, no sign-in without Keycloak)\n\n");
        out.append(String.format("  %-18s %-24s %s%n", "service", "URL", "API docs (Swagger UI)"));
        for (Service service : Service.values()) {
            String url = suite.baseUrl(service);
            out.append(String.format("  %-18s %-24s %s%n", service.artifact(), url, url + "/q/swagger-ui"));
        }
        KeycloakServer keycloak = suite.identityProvider();
        if (keycloak != null) {
            out.append(String.format("  %-18s %-24s %s%n", "keycloak " + keycloak.version(), keycloak.url(),
                    keycloak.url() + "/admin (admin console)"));
        }
        if (suite.paymentSandboxes() != null) {
            out.append(String.format("  %-18s %-24s %s%n", "payment sandboxes", suite.paymentSandboxes().url(),
                    suite.paymentSandboxes().url() + "/bank/ (demo bank; VNPay, Stripe: not real money)"));
        }
        if (keycloak != null) {
            out.append("\nKeycloak admin console: ").append(keycloak.url()).append("/admin  user ")
                    .append(IdentitySecrets.ADMIN_USERNAME).append("  password ")
                    .append(keycloak.secrets().adminPassword()).append('\n');
            out.append("\nDemo users of realm ").append(KeycloakServer.REALM).append(" (local use only), password ")
                    .append(keycloak.secrets().demoPassword()).append(":\n");
            Map<String, List<String>> byRole = new LinkedHashMap<>();
            KeycloakServer.demoUsers().forEach((user, roles) -> roles.forEach(role -> byRole
                    .computeIfAbsent(role, r -> new ArrayList<>()).add(user)));
            byRole.forEach((role, users) -> out.append(String.format("  %-8s %s%n", role, String.join(", ", users))));
            out.append("\nA token (./agrilink token ROLE [--sub USER] does the same):\n  curl -s -d grant_type=password -d "
                    + "client_id=").append(KeycloakClient.CLI_CLIENT).append(" -d username=farmer-lan -d password=")
                    .append(keycloak.secrets().demoPassword()).append(" \\\n    ").append(keycloak.issuer())
                    .append("/protocol/openid-connect/token\n");
        } else {
            out.append("\nTokens (local key, valid 12 hours; more with ./agrilink token ROLE --sub SUBJECT):\n");
            DEMO_USERS.forEach((role, subject) -> out.append(String.format("  %-8s %-18s %s%n", role, subject,
                    suite.keys().token(role, subject, Duration.ofHours(12)))));
        }
        out.append("\nTry:  curl -s '").append(suite.baseUrl(Service.CATALOG))
                .append("/products?q=vai%20thieu'\n");
        String live = liveStream(suite);
        if (live != null) {
            out.append("Try:  ").append(suite.webUrl()).append("/live/").append(live)
                    .append("  (a livestream on air: its counter moves with every order placed with its code)\n");
        }
        System.out.println(out);
    }

    /** The code of a livestream on air (the demo's KOL stream), or null if none is or catalog does not say. */
    private static String liveStream(LocalSuite suite) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(suite.baseUrl(Service.CATALOG) + "/livestreams?state=LIVE"))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return null;
            }
            JsonNode streams = new ObjectMapper().readTree(answer.body());
            JsonNode first = streams.isArray() ? streams.path(0) : streams.path("items").path(0);
            return first.hasNonNull("code") ? first.get("code").asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void token(Arguments arguments) throws IOException {
        String role = arguments.positional(0, null);
        if (role == null || !DEMO_USERS.containsKey(role)) {
            throw new IllegalArgumentException("usage: ./agrilink token staff|farmer|buyer|carrier|service --sub SUBJECT "
                    + "[--hours 12]");
        }
        Path root = Path.of(arguments.option("root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(arguments.option("data", ".agrilink"));
        String subject = arguments.option("sub", DEMO_USERS.get(role));
        Path identityProviderUrl = data.resolve("keycloak").resolve("url");
        if (Files.exists(identityProviderUrl)) {
            System.out.println(CommandLineTokens.fromKeycloak(Files.readString(identityProviderUrl).strip(),
                    data.resolve("keycloak"), role, subject, arguments.has("hours")));
            return;
        }
        LocalKeys keys = LocalKeys.in(data.resolve("keys"));
        long hours = Long.parseLong(arguments.option("hours", "12"));
        System.out.println(keys.token(role, subject, Duration.ofHours(hours)));
    }

    private static void usage() {
        System.out.println("""
                usage: ./agrilink up [--fresh] [--no-demo] [--no-idp] [--data DIR] [--port-offset N] [--pg-port N]
                                     [--db-url jdbc:postgresql://HOST:PORT --db-user U --db-password P]
                       ./agrilink token ROLE [--sub SUBJECT] [--hours N]
                       ./agrilink test [maven arguments]
                """);
    }

    private void step(String message) {
        System.out.printf("[%5.1fs] %s%n", (Duration.between(begin, Instant.now()).toMillis()) / 1000.0, message);
    }

    private String seconds() {
        return String.format("%.1f", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** {@code command [positional…] [--name value | --flag]…} */
    record Arguments(String command, List<String> positionals, Map<String, String> options) {

        static Arguments parse(String[] args) {
            String command = args.length == 0 ? "help" : args[0];
            List<String> positionals = new ArrayList<>();
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    String name = arg.substring(2);
                    int eq = name.indexOf('=');
                    if (eq > 0) {
                        options.put(name.substring(0, eq), name.substring(eq + 1));
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        options.put(name, args[++i]);
                    } else {
                        options.put(name, "true");
                    }
                } else {
                    positionals.add(arg);
                }
            }
            return new Arguments(command, positionals, options);
        }

        String option(String name, String fallback) {
            return options.getOrDefault(name, fallback);
        }

        boolean has(String name) {
            return options.containsKey(name);
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(options.getOrDefault(name, "false"));
        }

        String positional(int index, String fallback) {
            return index < positionals.size() ? positionals.get(index) : fallback;
        }
    }
}
