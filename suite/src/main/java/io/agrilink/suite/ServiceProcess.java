package io.agrilink.suite;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged AgriLink service (or the web app) running as its own process, as in production. */
public final class ServiceProcess {

    private final Service service;
    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final LocalProcess process;

    ServiceProcess(Service service, int port, Path jar, Path log, Map<String, String> properties,
            Map<String, String> environment) {
        this(service, service.artifact(), port, jar, log, properties, environment);
    }

    /**
     * @param service     null for the web app, which is no service (it has no database)
     * @param properties  system properties ({@code -Dkey=value} on its command line)
     * @param environment environment variables: the secrets that Kubernetes gives from a Secret, kept off
     *                    the command line that any local user can read
     */
    ServiceProcess(Service service, String name, int port, Path jar, Path log, Map<String, String> properties,
            Map<String, String> environment) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.properties = properties;
        this.environment = environment;
        this.process = new LocalProcess(name, log);
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
        return process.pid();
    }

    public boolean isRunning() {
        return process.isRunning();
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
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        process.start(builder);
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
        process.awaitOk(URI.create(baseUrl() + "/q/health/ready"), timeout);
    }

    /** Stops the service gracefully (SIGTERM), then forcibly after {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        process.stop(grace);
    }

    /** Kills the service at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /** Resident memory of the process in KiB (Linux), or -1 when unknown. */
    public long rssKiB() {
        return process.rssKiB();
    }
}
