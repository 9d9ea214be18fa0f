package io.agrilink.suite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agrilink.suite.Launcher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code ./agrilink up} killed hard (SIGKILL, as a closed terminal or the OOM killer does) leaves
 * its PostgreSQL, Keycloak and services running as orphans. The next {@code ./agrilink up} on the same data
 * folder must find them, stop them, say so, and start; a PostgreSQL that cannot start must be
 * reported with its own log lines. The launcher runs here as a real process, as a user starts it.
 */
class LauncherCrashTest {

    // 29081..29084: below the kernel's ephemeral ports, and clear of the e2e suite (28081..) and the benchmarks (30081..)
    private static final int PORT_OFFSET = 21000;
    private static Path data;
    private static Path apps;
    private static final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void packagedServices() throws IOException {
        Path work = Path.of("target", "launcher-crash").toAbsolutePath();
        deleteRecursively(work);
        data = work.resolve("data");
        apps = RunningSuite.copyOfPackagedServices(Path.of("..").toAbsolutePath().normalize(), work.resolve("apps"));
    }

    @AfterAll
    static void nothingLeftRunning() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aLauncherKilledHardLeavesNothingThatBlocksTheNextStart() throws Exception {
        Launch first = launch();
        // Keycloak's first start unpacks it and imports the realm, beside four services starting on two cores
        first.awaitLine("AgriLink is running", Duration.ofSeconds(300));
        long postgresPid = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
        long catalogPid = Long.parseLong(Files.readString(data.resolve("run/catalog-service.pid")).strip());
        long keycloakPid = Long.parseLong(Files.readString(data.resolve("run/keycloak.pid")).strip());
        long webPid = Long.parseLong(Files.readString(data.resolve("run/web.pid")).strip());
        // kc.sh runs Keycloak's JVM as its child: that JVM holds the port, so it must go too
        List<Long> keycloakChildren = ProcessHandle.of(keycloakPid).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid).toList();

        first.process.destroyForcibly().waitFor();
        assertTrue(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false),
                "the premise: PostgreSQL outlives a launcher killed hard");

        Launch second = launch();
        second.awaitLine("AgriLink is running", Duration.ofSeconds(300));
        assertTrue(second.saw("PostgreSQL (pid " + postgresPid + ") was left running"), second.output());
        assertTrue(second.saw("catalog-service (pid " + catalogPid + ") was left running"), second.output());
        assertTrue(second.saw("keycloak (pid " + keycloakPid + ") was left running"), second.output());
        assertTrue(second.saw("web (pid " + webPid + ") was left running"), second.output());
        assertGone(webPid, "the web app left running");
        assertGone(postgresPid, "the PostgreSQL left running");
        assertGone(keycloakPid, "the Keycloak left running");
        for (long child : keycloakChildren) {
            assertGone(child, "the Keycloak JVM left running");
        }

        Launch meanwhile = launch();
        assertTrue(meanwhile.process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, meanwhile.process.exitValue());
        meanwhile.awaitLine("Another ./agrilink up (pid " + second.process.pid() + ") is running", Duration.ofSeconds(5));

        long secondPostgres = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
        long secondCatalog = Long.parseLong(Files.readString(data.resolve("run/catalog-service.pid")).strip());
        long secondKeycloak = Long.parseLong(Files.readString(data.resolve("run/keycloak.pid")).strip());
        long secondWeb = Long.parseLong(Files.readString(data.resolve("run/web.pid")).strip());
        second.process.destroy();
        assertTrue(second.process.waitFor(90, TimeUnit.SECONDS), "Ctrl-C (SIGTERM) stops the launcher");
        assertGone(secondPostgres, "PostgreSQL");
        assertGone(secondCatalog, "catalog-service");
        assertGone(secondKeycloak, "Keycloak");
        assertGone(secondWeb, "the web app");
        try (var left = Files.list(data.resolve("run"))) {
            assertEquals(List.of(), left.toList(), "a clean stop forgets its processes");
        }
    }

    @Test
    void aPostgresThatCannotStartIsReportedWithItsOwnLogLines() throws Exception {
        Path broken = data.getParent().resolve("broken");
        EmbeddedPostgres.builder().setDataDirectory(broken.resolve("postgres")).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(broken.resolve("postgres-binaries").toFile()).start().close();
        Files.writeString(broken.resolve("postgres/postgresql.auto.conf"), "shared_buffers = 'plenty'\n",
                StandardOpenOption.APPEND);

        Launch failing = launch(broken, "--no-demo", "--no-idp");
        assertTrue(failing.process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, failing.process.exitValue());
        failing.awaitLine("PostgreSQL did not start", Duration.ofSeconds(5));
        assertTrue(failing.saw("shared_buffers"), "PostgreSQL's own reason is shown:\n" + failing.output());
        assertTrue(failing.saw("What to do"), failing.output());
    }

    /**
     * A stopped process may linger a moment after it was waited for: PostgreSQL's postmaster removes
     * its pid file, which is what {@code pg_ctl stop} waits for, just before it exits.
     */
    private static void assertGone(long pid, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " (pid " + pid + ") is still running 30 s after its stop");
            }
            Thread.sleep(100);
        }
    }

    private static Launch launch() throws IOException {
        return launch(data, "--no-demo");
    }

    private static Launch launch(Path dataDir, String... flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dagrilink.postgres.startup-wait=20", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "up", "--root", apps.toString(), "--data", dataDir.toString(),
                "--port-offset", Integer.toString(PORT_OFFSET)));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        return new Launch(process);
    }

    /** A launcher process whose console lines are collected as they come. */
    private static final class Launch {
        final Process process;
        private final List<String> lines = new ArrayList<>();

        Launch(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null;) {
                        System.out.println("[launcher " + process.pid() + "] " + line);
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException closed) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitLine(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (lines) {
                while (!saw(text)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("no line with '" + text + "' within " + timeout + ":\n" + output());
                    }
                    lines.wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        boolean saw(String text) {
            synchronized (lines) {
                return lines.stream().anyMatch(line -> line.contains(text));
            }
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
