package io.agrilink.suite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agrilink.suite.LocalKeys;

/** What every benchmark does around its measurement: a clean data folder, and the figures written down. */
final class BenchSupport {

    private BenchSupport() {
    }

    /**
     * An RS256 token signed with the suite's local key, with the claims {@link LocalKeys#token} puts
     * in. Minted with the JDK alone, so the benchmarks do not depend on what smallrye-jwt-build
     * needs outside Quarkus (a JSON-P implementation and MicroProfile Config; without them:
     * {@code NoClassDefFoundError: jakarta/json/JsonObject}).
     */
    static String token(LocalKeys keys, String role, String subject, Duration lifespan) throws IOException {
        try {
            String pem = Files.readString(keys.privateKeyFile()).replaceAll("-----[A-Z ]+-----|\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            long now = Instant.now().getEpochSecond();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", LocalKeys.ISSUER);
            claims.put("sub", subject);
            claims.put("upn", subject);
            claims.put("groups", List.of(role));
            claims.put("name", subject);
            claims.put("iat", now);
            claims.put("exp", now + lifespan.toSeconds());
            claims.put("jti", UUID.randomUUID().toString());
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String signed = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + url.encodeToString(Http.JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + url.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot sign a token with " + keys.privateKeyFile(), e);
        }
    }

    /** Cores, and the load average when the figures were taken (other work on the machine skews them). */
    static String machine() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            load = "unknown";
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, java " + Runtime.version()
                + ", load average (1, 5, 15 min) at the end: " + load + "; speed check: " + speedCheck();
    }

    /**
     * How fast one core of this machine is right now: the best of ten SHA-256 passes over 16 MB,
     * taken after the load when the services are idle. A virtual machine's cores can be slower
     * from one hour to the next (a busy host); this puts figures taken at different times on one
     * scale.
     */
    static String speedCheck() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] data = new byte[16 * 1024 * 1024];
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 13; i++) {
                long start = System.nanoTime();
                sha.digest(data);
                long took = System.nanoTime() - start;
                if (i >= 3) { // the first passes warm the JIT up
                    best = Math.min(best, took);
                }
            }
            return String.format("SHA-256 of 16 MB in %.1f ms on one core", best / 1e6);
        } catch (GeneralSecurityException e) {
            return "unavailable";
        }
    }

    static void clean(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Appends the figures to {@code target/benchmarks/NAME.txt}, with the time and the machine's core count. */
    static void record(String name, List<String> lines) throws IOException {
        Path file = Path.of("target", "benchmarks", name + ".txt");
        Files.createDirectories(file.getParent());
        StringBuilder out = new StringBuilder("# " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, java " + Runtime.version() + "\n");
        lines.forEach(line -> out.append(line).append('\n'));
        Files.writeString(file, out.toString(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        System.out.println("figures written to " + file.toAbsolutePath());
    }
}
