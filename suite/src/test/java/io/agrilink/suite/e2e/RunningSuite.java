package io.agrilink.suite.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.agrilink.suite.LocalSuite;
import io.agrilink.suite.Service;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The four packaged services as separate processes on one embedded PostgreSQL, started once for
 * all cross-service tests exactly as {@code ./agrilink up} starts them (on ports 28081..28084,
 * so a running launcher is not disturbed), and driven only through their public HTTP APIs.
 */
public final class RunningSuite {

    private static LocalSuite suite;
    private static IllegalStateException failure;

    private RunningSuite() {
    }

    /** The running suite, started on first use and stopped when the test JVM exits. */
    public static synchronized LocalSuite get() {
        if (failure != null) {
            // one start per JVM: a second attempt would wipe the logs that explain the first failure
            throw failure;
        }
        if (suite == null) {
            LocalSuite starting = null;
            try {
                Path repository = Path.of("..").toAbsolutePath().normalize();
                Path data = Path.of("target", "e2e").toAbsolutePath();
                if (Files.exists(data)) {
                    try (var paths = Files.walk(data)) {
                        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                Path root = copyOfPackagedServices(repository, data.resolve("apps"));
                LocalSuite started = new LocalSuite(LocalSuite.Options.defaults(root, data).withPortOffset(20000)
                        .withProperties(Map.of(
                                // faster retries and expiries, so outages and TTLs resolve within a test
                                "quarkus.log.level", "INFO",
                                "agrilink.order.reservation-ttl", "30s",
                                "agrilink.outbox.initial-backoff", "200ms",
                                "agrilink.outbox.max-backoff", "2s",
                                // a message claimed when a test kills its service is delivered again this soon
                                "agrilink.outbox.lease", "10s",
                                "agrilink.catalog.stock.expiry-every", "1s"))
                        // a line per request with the trace it arrived with and was served in (TracesAcrossServicesTest)
                        .withProperties(Map.of("quarkus.http.access-log.enabled", "true",
                                "quarkus.http.access-log.pattern", "\"%r\" %s trace=%{X,traceId} traceparent=%{i,traceparent} request=%{i,X-Request-Id}")),
                        line -> System.out.println("[suite] " + line));
                started.checkPortsFree();
                starting = started;
                started.startDatabase();
                started.startServices();
                Runtime.getRuntime().addShutdownHook(new Thread(started::close));
                suite = started;
            } catch (Exception e) {
                if (starting != null) {
                    // services that did start must not outlive this JVM (they would hold the ports)
                    starting.close();
                }
                failure = new IllegalStateException("The suite did not start: " + e.getMessage(), e);
                throw failure;
            }
        }
        return suite;
    }

    /**
     * The services run from a copy of their packaged {@code quarkus-app}: a rebuild of a service
     * while the tests run (another build on the same checkout) would otherwise replace the jars
     * under the running process, whose class loader opens them lazily and then hangs.
     */
    public static Path copyOfPackagedServices(Path repository, Path apps) throws IOException {
        List<String> modules = new ArrayList<>();
        for (Service service : Service.values()) {
            modules.add(service.artifact());
        }
        // the web app too, when it is built (only the browser tests start it)
        if (Files.exists(repository.resolve(LocalSuite.WEB_APP).resolve("target/quarkus-app/quarkus-run.jar"))) {
            modules.add(LocalSuite.WEB_APP);
        }
        for (String module : modules) {
            Path from = repository.resolve(module).resolve("target/quarkus-app");
            if (!Files.exists(from.resolve("quarkus-run.jar"))) {
                throw new IOException(from.resolve("quarkus-run.jar") + " is missing: package the services first "
                        + "(./mvnw install -DskipTests)");
            }
            Path to = apps.resolve(module).resolve("target/quarkus-app");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        // Keycloak's distribution as Maven left it (read only: the launcher unpacks it into its data folder)
        Path keycloak = apps.resolve("suite/target/keycloak-dist");
        Files.createDirectories(keycloak.getParent());
        Files.deleteIfExists(keycloak);
        Files.createSymbolicLink(keycloak, repository.resolve("suite/target/keycloak-dist"));
        return apps;
    }

    /** A request to {@code service} with a token for {@code subject} in {@code role}. */
    public static RequestSpecification as(Service service, String role, String subject) {
        return anonymous(service).auth().oauth2(token(role, subject));
    }

    /** A request to {@code service} without a token. */
    public static RequestSpecification anonymous(Service service) {
        return RestAssured.given().baseUri(get().baseUrl(service)).contentType("application/json")
                .accept("application/json");
    }

    public static String token(String role, String subject) {
        return get().keys().token(role, subject, Duration.ofHours(1));
    }
}
