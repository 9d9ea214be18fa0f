package io.agrilink.suite.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Finds the repository's k8s/ folder, renders an overlay with kustomize and reads YAML into
 * one tree per object.
 *
 * <p>Rendering needs {@code kubectl} (its built-in kustomize) or {@code kustomize} on the PATH,
 * or the {@code KUBECTL} environment variable. Without one the rendering tests are skipped
 * with a message, unless {@code -Dagrilink.k8s.require-renderer=true} (CI machines that have
 * kubectl set it, so a lost kubectl cannot silently turn the checks off).
 */
final class Manifests {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    /** The repository root: the first folder upwards that holds k8s/ and a pom.xml. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no k8s/ folder above " + Path.of("").toAbsolutePath());
    }

    /** The version in the root pom: images and generated labels carry it. */
    static String projectVersion() {
        String pom = read(repositoryRoot().resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>agrilink-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("no version in the root pom.xml");
        }
        return m.group(1).trim();
    }

    /** Keycloak's version in the identity-provider contract, which the suite's e2e tests run too. */
    static final String CONTRACT_KEYCLOAK_VERSION = "26.5.6";

    /**
     * The Keycloak version the suite uses: the {@code keycloak.version} property of the suite's
     * pom (or the root pom), and the contract's version while no pom declares one.
     */
    static String keycloakVersion() {
        Pattern property = Pattern.compile("<keycloak\\.version>([^<]+)</keycloak\\.version>");
        for (Path pom : List.of(repositoryRoot().resolve("suite/pom.xml"), repositoryRoot().resolve("pom.xml"))) {
            Matcher m = property.matcher(read(pom));
            if (m.find()) {
                return m.group(1).trim();
            }
        }
        return CONTRACT_KEYCLOAK_VERSION;
    }

    /**
     * Renders {@code k8s/overlays/<overlay>} from a copy of k8s/ under target/, with placeholder
     * files where the dev overlay reads the secrets that make-dev-secrets.sh makes (their content
     * does not matter to kustomize, and the test must not depend on a developer's own keys).
     */
    static List<JsonNode> render(String overlay) {
        List<String> renderer = renderer();
        Path copy = Path.of("target", "k8s-render", overlay).toAbsolutePath();
        try {
            deleteRecursively(copy);
            copyTree(repositoryRoot().resolve("k8s"), copy.resolve("k8s"));
            Path overlayDir = copy.resolve("k8s/overlays").resolve(overlay);
            for (String file : secretGeneratorFiles(overlayDir.resolve("kustomization.yaml"))) {
                Path placeholder = overlayDir.resolve(file);
                Files.createDirectories(placeholder.getParent());
                Files.writeString(placeholder, "placeholder written by the manifest test\n");
            }
            List<String> command = new ArrayList<>(renderer);
            command.add(overlayDir.toString());
            Path errors = copy.resolve("kustomize.err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + read(errors));
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kubectl kustomize, or kustomize build; skips (or fails, when required) without either. */
    static List<String> renderer() {
        String explicit = System.getenv("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            return List.of(explicit, "kustomize");
        }
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isPresent()) {
            return List.of(kubectl.get().toString(), "kustomize");
        }
        Optional<Path> kustomize = onPath("kustomize");
        if (kustomize.isPresent()) {
            return List.of(kustomize.get().toString(), "build");
        }
        String message = "kubectl (or kustomize) is not on the PATH: the overlays cannot be rendered. "
                + "Install kubectl, or set KUBECTL=/path/to/kubectl (see k8s/README.md, \"Tests\").";
        if (Boolean.getBoolean("agrilink.k8s.require-renderer")) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Every non-empty YAML document, in order. */
    static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static List<JsonNode> fixture(String name) {
        try (var in = Manifests.class.getResourceAsStream("/k8s-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture k8s-fixtures/" + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the Secrets that the kustomizations of k8s/ generate (base and overlays). */
    static Set<String> generatedSecretNames() {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(repositoryRoot().resolve("k8s"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                JsonNode kustomization = YAML.readTree(file.toFile());
                for (JsonNode generator : kustomization.path("secretGenerator")) {
                    names.add(generator.path("name").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The files (relative to the overlay) that an overlay's secretGenerator reads. */
    static List<String> secretGeneratorFiles(Path kustomization) throws IOException {
        List<String> files = new ArrayList<>();
        for (JsonNode generator : YAML.readTree(kustomization.toFile()).path("secretGenerator")) {
            for (JsonNode file : generator.path("files")) {
                String entry = file.asText();
                files.add(entry.contains("=") ? entry.substring(entry.indexOf('=') + 1) : entry);
            }
        }
        return files;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path relative = from.relativize(source);
                // a developer's real dev secrets never leave their folder
                if (relative.toString().replace('\\', '/').startsWith("overlays/dev/secrets")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
