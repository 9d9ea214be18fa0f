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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process the suite starts (a service, Keycloak) with its output appended to its own log: the
 * start, the wait until it answers, the graceful stop and the hard kill every one of them needs.
 */
final class LocalProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path log;
    private Process process;

    LocalProcess(String name, Path log) {
        this.name = name;
        this.log = log;
    }

    /** Starts {@code builder}'s command with stdout and stderr appended to the log. */
    synchronized void start(ProcessBuilder builder) throws IOException {
        Files.createDirectories(log.getParent());
        process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** The process id, or -1 when it is not running. */
    long pid() {
        return isRunning() ? process.pid() : -1;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Waits until {@code uri} answers 200; fails with the log's tail if the process dies first. */
    void awaitOk(URI uri, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isRunning()) {
                throw new IOException(name + " stopped while starting; the end of " + log + ":\n" + tail(log, 25));
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
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

    /** Stops the process gracefully (SIGTERM), then forcibly after {@code grace}. */
    synchronized void stop(Duration grace) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    /** Resident memory of the process in KiB (Linux), or -1 when unknown. */
    long rssKiB() {
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

    /** The last {@code lines} lines of {@code file}, for a failure message. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
