package io.agrilink.suite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Samples resident memory of processes every 200 ms and keeps each one's peak. */
public final class MemorySampler implements AutoCloseable {

    private final Map<String, LongSupplier> sources = new LinkedHashMap<>();
    private final Map<String, Long> peaksKiB = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final Thread thread;

    public MemorySampler(Map<String, LongSupplier> rssKiBByName) {
        sources.putAll(rssKiBByName);
        thread = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (running) {
                sources.forEach((name, rss) -> {
                    long kib = rss.getAsLong();
                    if (kib > 0) {
                        peaksKiB.merge(name, kib, Math::max);
                    }
                });
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /**
     * Memory of the processes whose command line contains {@code needle} (e.g. PostgreSQL's
     * postmaster, started with its data folder) and of their children (its backends, whose command
     * lines do not name the folder), as the sum of proportional set sizes: plain RSS would count
     * the shared buffers once per backend.
     */
    public static long rssOfAllKiB(String needle) {
        try (var procs = Files.list(Path.of("/proc"))) {
            List<Path> all = procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
            Set<String> parents = new HashSet<>();
            for (Path proc : all) {
                try {
                    if (Files.readString(proc.resolve("cmdline")).replace('\0', ' ').contains(needle)) {
                        parents.add(proc.getFileName().toString());
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            long total = 0;
            for (Path proc : all) {
                try {
                    if (parents.contains(proc.getFileName().toString()) || parents.contains(parent(proc))) {
                        total += field(proc.resolve("smaps_rollup"), "Pss:");
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** CPU time (user + system) a process has used so far, in milliseconds (Linux), or -1 when unknown. */
    public static long cpuMillis(long pid) {
        try {
            return cpuMillis(Path.of("/proc", Long.toString(pid)), false);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time of the processes whose command line contains {@code needle}, of their children
     * and of children that already ended (PostgreSQL's backends), in milliseconds.
     */
    public static long cpuMillisOfAll(String needle) {
        try (var procs = Files.list(Path.of("/proc"))) {
            List<Path> all = procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
            Set<String> parents = new HashSet<>();
            for (Path proc : all) {
                try {
                    if (Files.readString(proc.resolve("cmdline")).replace('\0', ' ').contains(needle)) {
                        parents.add(proc.getFileName().toString());
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            long total = 0;
            for (Path proc : all) {
                try {
                    boolean parent = parents.contains(proc.getFileName().toString());
                    if (parent || parents.contains(parent(proc))) {
                        total += cpuMillis(proc, parent);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
            return total;
        } catch (IOException e) {
            return -1;
        }
    }

    /** utime + stime (and the ended children's, when asked) from /proc/PID/stat; the kernel counts 100 ticks a second. */
    private static long cpuMillis(Path proc, boolean withEndedChildren) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withEndedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks * 10;
    }

    private static String parent(Path proc) throws IOException {
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("PPid:")) {
                return line.substring(5).strip();
            }
        }
        return "";
    }

    private static long field(Path file, String name) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    public String peaks() {
        StringBuilder out = new StringBuilder("peak RSS:");
        sources.keySet().forEach(name -> out.append(String.format(" %s %d MB;", name,
                peaksKiB.getOrDefault(name, 0L) / 1024)));
        return out.toString();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
