package io.agrilink.suite.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Validates the rendered objects against the Kubernetes API schemas and the CloudNativePG CRD
 * schemas with the npm packages kubernetes-models and @kubernetes-models/cloudnative-pg (run by
 * node; installed into target/k8s-schema at the first run, from the npm registry). They catch
 * what the typed model does not: missing required fields, values outside an enum, formats.
 * Without node/npm, or when the install fails, these tests are skipped with a message, unless
 * {@code -Dagrilink.k8s.require-schema=true}.
 */
class ManifestSchemaTest {

    static final List<String> PACKAGES = List.of("kubernetes-models@5.1.0", "@kubernetes-models/cloudnative-pg@2.0.0");
    static final Path HOME = Path.of("target", "k8s-schema").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void installValidator() throws IOException, InterruptedException {
        if (Manifests.onPath("node").isEmpty() || Manifests.onPath("npm").isEmpty()) {
            unavailable("node and npm are not on the PATH");
        }
        Files.createDirectories(HOME);
        try (InputStream script = ManifestSchemaTest.class.getResourceAsStream("/k8s-schema/validate.mjs")) {
            Files.copy(script, HOME.resolve("validate.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.exists(HOME.resolve("node_modules/@kubernetes-models/cloudnative-pg/package.json"))
                && Files.exists(HOME.resolve("node_modules/kubernetes-models/package.json"))) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", HOME.toString(),
                "--no-audit", "--no-fund", "--no-save", "--loglevel=error"));
        command.addAll(PACKAGES);
        Path log = HOME.resolve("npm-install.log");
        Process npm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            unavailable("npm install " + String.join(" ", PACKAGES) + " failed (see " + log + ")");
        }
    }

    private static void unavailable(String why) {
        String message = why + ": schema validation of the manifests is skipped. Install node 20+ and npm "
                + "(k8s/README.md, \"Tests\").";
        if (Boolean.getBoolean("agrilink.k8s.require-schema")) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyRenderedObjectMatchesItsSchema(String overlay) throws Exception {
        List<JsonNode> results = validate(overlay, ManifestTest.rendered(overlay));
        List<String> invalid = results.stream().filter(r -> r.path("status").asText().equals("invalid"))
                .map(r -> r.path("id").asText() + ": " + r.path("message").asText()).toList();
        List<String> unknown = results.stream().filter(r -> r.path("status").asText().equals("unknown"))
                .map(r -> r.path("id").asText()).toList();
        assertEquals(List.of(), invalid, "k8s/overlays/" + overlay + " objects that do not match their schema");
        // the Barman Cloud plugin's ObjectStore has no published model; everything else must be known
        assertEquals(overlay.equals("prod") ? List.of("ObjectStore/agrilink-backups") : List.of(), unknown,
                "objects without a schema");
    }

    @Test
    void aValueOutsideTheSchemaIsReportedWithItsPath() throws Exception {
        List<JsonNode> results = validate("fixture", Manifests.fixture("schema-violations.yml"));
        JsonNode deployment = results.get(0);
        assertEquals("invalid", deployment.path("status").asText(), deployment.toString());
        String message = deployment.path("message").asText();
        assertTrue(message.contains("imagePullPolicy must be equal to one of the allowed values"), message);
        assertTrue(message.contains("containers/0 must have required property name"), message);
    }

    private static List<JsonNode> validate(String name, List<JsonNode> objects) throws IOException, InterruptedException {
        Path input = HOME.resolve(name + ".json");
        JSON.writeValue(input.toFile(), objects);
        Path output = HOME.resolve(name + ".out");
        Path errors = HOME.resolve(name + ".err");
        Process node = new ProcessBuilder("node", HOME.resolve("validate.mjs").toString(), input.toString())
                .directory(HOME.toFile()).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        assertTrue(node.waitFor(2, TimeUnit.MINUTES) && node.exitValue() == 0,
                "the schema validator failed: " + Files.readString(errors));
        List<JsonNode> results = new ArrayList<>();
        for (String line : Files.readAllLines(output)) {
            if (!line.isBlank()) {
                results.add(JSON.readTree(line));
            }
        }
        assertEquals(objects.size(), results.size(), "one result per object");
        return results;
    }
}
