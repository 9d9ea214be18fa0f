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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged AgriLink service (or the web app) running as its own process, as in production. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Map<String, String> properties;
    private Process process;

    ServiceProcess(Service service, int port, Path jar, Path log, Map<String, String> properties) {
        this(service, service.artifact(), port, jar, log, properties);
    }

    /** @param service null for the web app, which is no service (it has no database) */
    ServiceProcess(Service service, String name, int port, Path jar, Path log, Map<String, String> properties) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.properties = properties;
    }

    /** The service, or null for the web app. */
    public Service service() {
        return service;
    }

    /** The Maven module's name: {@code catalog-service} … or {@code web}. */
    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The process id, or -1 when it is not running. */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the service; returns at once (see {@link #awaitReady(Duration)}). */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        if (!Files.exists(jar)) {
            throw new IOException(name + " is not built: " + jar + " is missing (run ./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx256m");
        command.addAll(extraJvmArgs(name));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * Extra JVM flags for every service, for profiling and tuning runs: the system property
     * {@code agrilink.service.jvm-args} or else the environment variable
     * {@code AGRILINK_SERVICE_JVM_ARGS}, split on spaces; {@code {service}} in them becomes the
     * module's name. Example, a flight recording per service:
     * {@code -Dagrilink.service.jvm-args="-XX:StartFlightRecording=filename=/tmp/jfr/{service}.jfr,settings=profile"}.
     * They come after the defaults, so a later {@code -Xmx} wins.
     */
    static List<String> extraJvmArgs(String name) {
        String args = System.getProperty("agrilink.service.jvm-args", System.getenv("AGRILINK_SERVICE_JVM_ARGS"));
        if (args == null || args.isBlank()) {
            return List.of();
        }
        List<String> flags = new ArrayList<>();
        for (String flag : args.strip().split("\\s+")) {
            flags.add(flag.replace("{service}", name));
        }
        return flags;
    }

    /** Waits until {@code /q/health/ready} answers UP; fails with the log's tail if the process dies. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isRunning()) {
                throw new IOException(name + " stopped while starting; the end of " + log + ":\n"
                        + tail(log, 25));
            }
            try {
                HttpResponse<String> ready = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** Stops the service gracefully (SIGTERM), then forcibly after {@code grace}. */
    public synchronized void stop(Duration grace) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /** Kills the service at once (SIGKILL), as a crash would. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    /** Resident memory of the process in KiB (Linux), or -1 when unknown. */
    public long rssKiB() {
        if (!isRunning()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
