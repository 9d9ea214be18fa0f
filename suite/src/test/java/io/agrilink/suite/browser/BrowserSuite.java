package io.agrilink.suite.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.agrilink.suite.Launcher;
import io.agrilink.suite.LocalSuite;
import io.agrilink.suite.e2e.RunningSuite;

/**
 * The packaged suite as {@code ./agrilink up} runs it (one PostgreSQL, Keycloak, the four services,
 * the web app, the demo data), started once for all the browser tests of a test run and stopped
 * after the last: {@code @ExtendWith(BrowserSuite.class)} on a test class, then
 * {@link #suite()} and {@link Browser#phone()} / {@link Browser#desktop()}. Skipped, saying why,
 * where chromium is not installed.
 */
public final class BrowserSuite implements BeforeAllCallback {

    // Keycloak 32080, the services 32081..32084, the web app 32085: clear of the other suites' ports
    // (e2e 28081.., launcher crash 29081.., benchmarks 30081.., Keycloak sign-in 31080..) and below
    // the kernel's ephemeral ports
    private static final int PORT_OFFSET = 24000;
    private static LocalSuite suite;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Assumptions.assumeTrue(Browser.installed(), Browser.NOT_INSTALLED);
        synchronized (BrowserSuite.class) {
            if (suite == null) {
                suite = start();
                // stopped when the whole test run ends, after the last browser test class
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(BrowserSuite.class.getName(),
                        (AutoCloseable) BrowserSuite::stop);
            }
        }
    }

    /** The running suite: its URLs ({@code webUrl()}, {@code baseUrl(service)}), Keycloak and tokens. */
    public static LocalSuite suite() {
        return suite;
    }

    /** The demo users' password (Keycloak's realm gives all of them the same). */
    public static String demoPassword() {
        return suite.identityProvider().secrets().demoPassword();
    }

    private static LocalSuite start() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "browser-e2e").toAbsolutePath();
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path root = RunningSuite.copyOfPackagedServices(repository, data.resolve("apps"));
        LocalSuite started = new LocalSuite(LocalSuite.Options.defaults(root, data).withPortOffset(PORT_OFFSET)
                .withIdentityProvider(true), line -> System.out.println("[browser-e2e] " + line));
        started.checkPortsFree();
        try {
            started.startDatabase();
            started.startIdentityProvider();
            started.startServices();
            started.awaitIdentityProvider();
            Launcher.loadDemo(started, line -> System.out.println("[browser-e2e] " + line));
            started.startWebApp();
        } catch (Exception e) {
            started.close();
            throw e;
        }
        return started;
    }

    private static void stop() {
        if (suite != null) {
            suite.close();
            suite = null;
        }
    }
}
