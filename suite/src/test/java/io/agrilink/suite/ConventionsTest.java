package io.agrilink.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The conventions every service follows, checked over the repository's sources, so a new service
 * or a new key keeps them: one spelling of durations, one time-zone key, and column and table names
 * left to Hibernate's naming strategy wherever it derives them.
 */
class ConventionsTest {

    /** The repository: this module's parent, or another checkout's ({@code -Dagrilink.repository=...}). */
    private static final Path ROOT = Path.of(System.getProperty("agrilink.repository", "..")).toAbsolutePath()
            .normalize();
    private static final List<String> SERVICES = List.of("platform", "catalog-service", "order-service",
            "training-service", "logistics-service", "web");

    /** A value that is a duration in ISO-8601 ({@code PT15M}, {@code P1D}) or with an upper-case unit ({@code 30S}). */
    private static final Pattern LONG_DURATION = Pattern.compile("(PT\\d+[SMH]|P\\d+D|\\d+[SMHD])");
    private static final Pattern PROPERTY = Pattern.compile("^#?\\s*([%\\w.\\-\"]+)\\s*=\\s*(\\S+)\\s*$");
    private static final Pattern JAVA_DEFAULT = Pattern.compile("(?:@WithDefault\\(|defaultValue\\s*=\\s*)\"([^\"]*)\"");
    private static final Pattern CONFIG_LITERAL = Pattern.compile("^\\s*-\\s*[A-Z_]+=(\\S+)\\s*$");

    @Test
    void durationsAreSpelledTheQuarkusShortWay() {
        List<String> found = new ArrayList<>();
        for (Path file : files(p -> p.endsWith(".properties") && p.contains("/src/main/resources/"))) {
            eachLine(file, (n, line) -> {
                Matcher m = PROPERTY.matcher(line);
                if (m.matches() && LONG_DURATION.matcher(m.group(2)).matches()) {
                    found.add(ROOT.relativize(file) + ":" + n + " " + line.strip());
                }
            });
        }
        for (Path file : files(p -> p.endsWith(".java") && p.contains("/src/main/java/"))) {
            eachLine(file, (n, line) -> {
                Matcher m = JAVA_DEFAULT.matcher(line);
                while (m.find()) {
                    if (LONG_DURATION.matcher(m.group(1)).matches()) {
                        found.add(ROOT.relativize(file) + ":" + n + " " + line.strip());
                    }
                }
            });
        }
        for (Path file : files(p -> p.contains("/k8s/") && (p.endsWith(".yaml") || p.endsWith(".yml")))) {
            eachLine(file, (n, line) -> {
                Matcher m = CONFIG_LITERAL.matcher(line);
                if (m.matches() && LONG_DURATION.matcher(m.group(1)).matches()) {
                    found.add(ROOT.relativize(file) + ":" + n + " " + line.strip());
                }
            });
        }
        assertEquals(List.of(), found, "durations as 2s, 500ms, 5m, 24h, 21d");
    }

    @Test
    void everyServiceReadsOneTimeZoneKey() {
        List<String> found = new ArrayList<>();
        for (Path file : files(p -> (p.contains("-service/src/main/") || p.contains("/platform/src/main/"))
                && !p.contains("/platform/time/"))) {
            eachLine(file, (n, line) -> {
                if (line.contains("ZoneId.of(") || line.matches(".*agrilink\\.\\w+\\.time-zone.*")
                        || line.matches("\\s*ZoneId (timeZone|zone)\\(\\);")) {
                    found.add(ROOT.relativize(file) + ":" + n + " " + line.strip());
                }
            });
        }
        assertEquals(List.of(), found, "the zone is agrilink.time-zone (io.agrilink.platform.time.AgriLinkTime)");
    }

    @Test
    void entitiesNameOnlyTheColumnsTheNamingStrategyCannotDerive() {
        Pattern annotation = Pattern.compile("@(Column|Table)\\(([^()]*)\\)\\s*(?:@\\w+(?:\\([^()]*\\))?\\s*)*"
                + "(?:(?:public|protected|private)\\s+)?(?:(?:class|record)\\s+(\\w+)|[\\w<>,.\\[\\] ?]+?\\s+(\\w+)\\s*[;=,)])");
        Pattern name = Pattern.compile("\\bname\\s*=\\s*\"([^\"]*)\"");
        List<String> found = new ArrayList<>();
        for (Path file : files(p -> p.endsWith(".java") && p.contains("-service/src/main/java/"))) {
            String text = read(file);
            Matcher m = annotation.matcher(text);
            while (m.find()) {
                Matcher named = name.matcher(m.group(2));
                String javaName = m.group(3) != null ? m.group(3) : m.group(4);
                if (named.find() && snakeCase(javaName).equals(named.group(1))) {
                    found.add(ROOT.relativize(file) + ": " + m.group(1) + " " + named.group(1));
                }
            }
        }
        assertEquals(List.of(), found, "names Hibernate derives (quarkus.hibernate-orm.physical-naming-strategy)");
    }

    /** As Hibernate's PhysicalNamingStrategySnakeCaseImpl: an underscore before an inner capital between lower-case letters or digits. */
    static String snakeCase(String javaName) {
        StringBuilder b = new StringBuilder(javaName.replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            char before = b.charAt(i - 1);
            char current = b.charAt(i);
            char after = b.charAt(i + 1);
            if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                    && (Character.isLowerCase(after) || Character.isDigit(after))) {
                b.insert(i++, '_');
            }
        }
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private interface LineCheck {
        void check(int number, String line);
    }

    private static void eachLine(Path file, LineCheck check) {
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            check.check(i + 1, lines.get(i));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(java.util.function.Predicate<String> wanted) {
        List<Path> roots = new ArrayList<>();
        SERVICES.forEach(s -> roots.add(ROOT.resolve(s).resolve("src/main")));
        roots.add(ROOT.resolve("k8s"));
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                paths.filter(Files::isRegularFile).filter(p -> wanted.test(p.toString().replace('\\', '/')))
                        .forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }
}
