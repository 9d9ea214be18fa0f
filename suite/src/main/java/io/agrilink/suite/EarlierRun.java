package io.agrilink.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What an earlier {@code ./agrilink up} on the same data folder left running when it was killed
 * hard (SIGKILL, a closed terminal, the OOM killer): its services and its PostgreSQL outlive it,
 * hold the ports and lock the data folder. Each run records its own process ids under
 * {@code <data>/run/}; PostgreSQL records its own in {@code postmaster.pid}. Before a new run
 * starts, whatever the dead run left is stopped, and the user is told.
 */
final class EarlierRun {

    private static final String LAUNCHER = "launcher";

    private final Path runDir;
    private final Path pgData;
    private final Consumer<String> progress;

    EarlierRun(Path dataDir, Consumer<String> progress) {
        this.runDir = dataDir.resolve("run");
        this.pgData = dataDir.resolve("postgres");
        this.progress = progress;
    }

    /**
     * Claims the data folder for this process. Fails when a live launcher holds it; otherwise stops
     * the services and the PostgreSQL a dead one left behind.
     */
    void claim() throws IOException {
        Optional<ProcessHandle> launcher = live(LAUNCHER, "java");
        if (launcher.isPresent() && launcher.get().pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("Another ./agrilink up (pid " + launcher.get().pid() + ") is running on "
                    + runDir.getParent() + ". Stop it first (Ctrl-C in its terminal, or kill "
                    + launcher.get().pid() + "), or give this one its own folder with --data DIR.");
        }
        for (Map.Entry<String, String> child : children().entrySet()) {
            Optional<ProcessHandle> left = live(child.getKey(), child.getValue());
            if (left.isPresent()) {
                progress.accept(child.getKey() + " (pid " + left.get().pid()
                        + ") was left running by an earlier ./agrilink up that did not stop cleanly: stopping it");
                stop(left.get(), Duration.ofSeconds(20));
            }
            Files.deleteIfExists(pidFile(child.getKey()));
        }
        Optional<ProcessHandle> postgres = leftPostgres();
        if (postgres.isPresent()) {
            progress.accept("PostgreSQL (pid " + postgres.get().pid() + ") was left running on " + pgData
                    + " by an earlier ./agrilink up that did not stop cleanly: stopping it");
            fastShutdown(postgres.get());
        }
        record(LAUNCHER, ProcessHandle.current().pid());
    }

    /** Remembers a process of this run, so a run after a crash can stop it. */
    void record(String name, long pid) throws IOException {
        Files.createDirectories(runDir);
        Files.writeString(pidFile(name), Long.toString(pid));
    }

    /** Forgets a process of this run that stopped cleanly. */
    void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            // a pid file of a stopped process is harmless: its pid no longer names our process
        }
    }

    /** Forgets the whole run: everything stopped cleanly. */
    void release() {
        children().keySet().forEach(this::forget);
        forget(LAUNCHER);
    }

    /**
     * The processes a run starts besides PostgreSQL, by pid-file name, each with what its command
     * line shows when it is really ours (a pid may have been reused since): the web app, the services, then
     * Keycloak, stopped before the database they use.
     */
    private static Map<String, String> children() {
        Map<String, String> children = new LinkedHashMap<>();
        children.put(LocalSuite.WEB_APP, "quarkus-run.jar");
        for (Service service : Service.values()) {
            children.put(service.artifact(), "quarkus-run.jar");
        }
        // its pid file names kc.sh, the shell that runs Keycloak's JVM (-Dkc.home.dir=…/keycloak-…) as its child
        children.put(KeycloakServer.PROCESS_NAME, "keycloak");
        return children;
    }

    private Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    /** The process a run's pid file names, if it still runs and its command line shows it is ours. */
    private Optional<ProcessHandle> live(String name, String commandMark) throws IOException {
        return running(pidFile(name), commandMark);
    }

    /** PostgreSQL's postmaster for our data folder, if one still runs. */
    private Optional<ProcessHandle> leftPostgres() throws IOException {
        return running(pgData.resolve("postmaster.pid"), "postgres");
    }

    /**
     * The process whose id is the first line of {@code pidFile} (ours hold only that line,
     * PostgreSQL's {@code postmaster.pid} starts with it), if it is alive and its command line
     * contains {@code commandMark}: a pid reused by another program is left alone.
     */
    private static Optional<ProcessHandle> running(Path pidFile, String commandMark) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(commandMark));
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown: open sessions are ended, everything is checkpointed,
     * the next start needs no recovery. SIGTERM (smart shutdown) would wait for clients that may
     * never leave; SIGKILL only as the last resort.
     */
    private void fastShutdown(ProcessHandle postmaster) throws IOException {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException noKillCommand) {
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        stop(postmaster, Duration.ofSeconds(60));
    }

    /** Waits for a process asked to stop (SIGTERM unless already asked), then kills it after {@code grace}. */
    /**
     * Stops a process left running and what it started (Keycloak's kc.sh and its JVM): SIGTERM to
     * all of them, SIGKILL to whatever still runs after {@code grace}.
     */
    private static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process))
                .toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle member : tree) {
            try {
                member.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                member.destroyForcibly();
                member.onExit().join();
            }
        }
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
    }

    private static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine().or(info::command).orElseGet(() -> procCmdline(process.pid()));
    }

    /** Some systems hide another process's command line from ProcessHandle.Info; /proc still shows it. */
    private static String procCmdline(long pid) {
        try (Stream<String> parts = Stream.of(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))
                .split("\0"))) {
            return String.join(" ", parts.toList());
        } catch (IOException | RuntimeException unknown) {
            return "";
        }
    }
}
