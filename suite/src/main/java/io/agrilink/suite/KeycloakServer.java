package io.agrilink.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The suite's identity provider: Keycloak's own distribution ({@code keycloak-quarkus-dist}, fetched
 * by Maven into {@code suite/target/keycloak-dist/}), checked against the SHA-256 this build
 * expects, unpacked once into {@code <data>/keycloak/}, and run as its own process on the suite's
 * PostgreSQL (database {@code keycloak}) with the {@code agrilink} realm imported on first start.
 */
public final class KeycloakServer {

    /** The pid-file name of this process in a run's folder. */
    public static final String PROCESS_NAME = "keycloak";

    public static final String REALM = "agrilink";

    /** Keycloak's port before the suite's port offset. */
    public static final int DEFAULT_PORT = 8080;

    /** The database Keycloak keeps its realms, users and sessions in. */
    public static final String DATABASE = "keycloak";

    /** The distribution this build was made with, from {@code agrilink-keycloak.properties}. */
    public record Distribution(String version, String sha256) {

        public static Distribution bundled() {
            Properties properties = new Properties();
            try (InputStream in = KeycloakServer.class.getResourceAsStream("/agrilink-keycloak.properties")) {
                properties.load(in);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("The launcher was built without agrilink-keycloak.properties", e);
            }
            return new Distribution(properties.getProperty("keycloak.version"),
                    properties.getProperty("keycloak.dist.sha256"));
        }

        String zipName() {
            return "keycloak-quarkus-dist-" + version + ".zip";
        }
    }

    /**
     * The realm file's demo users (those with a password), each with their realm roles, in the
     * file's order: the people of the lychee-week story.
     */
    public static Map<String, List<String>> demoUsers() {
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/agrilink-realm.json")) {
            Map<String, List<String>> users = new LinkedHashMap<>();
            for (JsonNode user : new ObjectMapper().readTree(realm).path("users")) {
                if (user.has("credentials")) {
                    List<String> roles = new ArrayList<>();
                    user.path("realmRoles").forEach(role -> roles.add(role.asText()));
                    users.put(user.path("username").asText(), roles);
                }
            }
            return users;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The launcher was built without a readable keycloak/agrilink-realm.json", e);
        }
    }

    private final Distribution distribution;
    private final Path zip;
    private final Path home;
    private final int port;
    private final Map<String, String> database;
    private final IdentitySecrets secrets;
    private final String webUrl;
    private final Path log;
    private final Consumer<String> progress;
    private final LocalProcess process;

    /**
     * @param distributionFolder where Maven put the distribution's zip
     * @param dataDir            the run's data folder (Keycloak is unpacked into {@code keycloak/} there)
     * @param jdbcUrl            Keycloak's database
     * @param webUrl             the web app's base URL, which the realm's web client redirects to
     */
    public KeycloakServer(Path distributionFolder, Path dataDir, int port, String jdbcUrl, String dbUser,
            String dbPassword, String webUrl, Consumer<String> progress) throws IOException {
        this.distribution = Distribution.bundled();
        this.zip = distributionFolder.resolve(distribution.zipName());
        this.home = dataDir.resolve("keycloak").resolve("keycloak-" + distribution.version());
        this.port = port;
        this.database = Map.of("KC_DB_URL", jdbcUrl, "KC_DB_USERNAME", dbUser, "KC_DB_PASSWORD", dbPassword);
        this.secrets = IdentitySecrets.in(dataDir.resolve("keycloak"));
        this.webUrl = webUrl;
        this.log = dataDir.resolve("logs").resolve("keycloak.log");
        this.progress = progress;
        this.process = new LocalProcess("Keycloak", log);
    }

    public String version() {
        return distribution.version();
    }

    /** Keycloak's base URL, e.g. {@code http://localhost:8080}. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** The {@code iss} of the realm's tokens (Keycloak runs with a fixed hostname, so it never varies). */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public IdentitySecrets secrets() {
        return secrets;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /** Checks the distribution's checksum and unpacks it, unless this version is unpacked already. */
    public void install() throws IOException {
        Path marker = home.resolve(".agrilink-installed");
        if (Files.exists(marker) && distribution.sha256().equals(Files.readString(marker).strip())) {
            return;
        }
        if (!Files.exists(zip)) {
            throw new IOException("Keycloak " + distribution.version() + " is not downloaded: " + zip
                    + " is missing. Build first (./agrilink up builds, or ./mvnw -pl suite package), "
                    + "or start without an identity provider: ./agrilink up --no-idp");
        }
        progress.accept("Checking Keycloak " + distribution.version() + " (" + Files.size(zip) / (1024 * 1024)
                + " MB, SHA-256)");
        String actual = sha256(zip);
        if (!actual.equals(distribution.sha256())) {
            throw new IOException("The Keycloak distribution " + zip + " has SHA-256 " + actual + ", not the expected "
                    + distribution.sha256() + ". Delete it and build again to download it anew.");
        }
        progress.accept("Unpacking Keycloak into " + home + " (first start only)");
        unzip(zip, home.getParent());
        for (String script : List.of("kc.sh", "kcadm.sh", "kcreg.sh")) {
            Path file = home.resolve("bin").resolve(script);
            if (Files.exists(file)) {
                file.toFile().setExecutable(true);
            }
        }
        Files.writeString(marker, distribution.sha256());
    }

    /** Starts Keycloak; returns at once (see {@link #awaitReady(Duration)}). */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        Path importFolder = home.resolve("data").resolve("import");
        Files.createDirectories(importFolder);
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/agrilink-realm.json")) {
            if (realm == null) {
                throw new IOException("The launcher was built without keycloak/agrilink-realm.json");
            }
            // imported when the realm does not exist yet; a restart keeps what changed since
            Files.copy(realm, importFolder.resolve("agrilink-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--import-realm"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        String javaHome = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent().getParent()
                .toString();
        env.put("JAVA_HOME", javaHome);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_HTTP_PORT", Integer.toString(port));
        // a fixed hostname: the issuer is the same whoever asks, browser or service
        env.put("KC_HOSTNAME", url());
        env.put("KC_DB", "postgres");
        env.putAll(database);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", IdentitySecrets.ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.adminPassword());
        env.putAll(secrets.realmPlaceholders(webUrl));
        process.start(builder);
    }

    /** Waits until the realm's discovery document is served; fails with the log's tail if Keycloak stops. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        process.awaitOk(URI.create(issuer() + "/.well-known/openid-configuration"), timeout);
    }

    /** Stops Keycloak gracefully (SIGTERM), then forcibly after {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        process.stop(grace);
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("The Keycloak zip names a file outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

}
