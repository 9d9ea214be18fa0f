package io.agrilink.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local Keycloak's passwords and client secrets, generated on first start into
 * {@code <data>/keycloak/secrets.properties} (readable by its owner only, never committed) and
 * kept: the realm is imported with them once, so they must not change while its database lives.
 * {@code ./agrilink up --fresh} starts over with new ones.
 */
public final class IdentitySecrets {

    /** The bootstrap administrator of Keycloak's master realm (the admin console's login). */
    public static final String ADMIN_USERNAME = "admin";

    private final Properties values;

    private IdentitySecrets(Properties values) {
        this.values = values;
    }

    /** The secrets in {@code folder}, generated there when they are not yet. */
    public static IdentitySecrets in(Path folder) throws IOException {
        Path file = folder.resolve("secrets.properties");
        Properties values = LocalFiles.load(file);
        boolean changed = false;
        for (String key : new String[] { "admin-password", "demo-password", "web-client-secret",
                "services-client-secret", "accounts-client-secret" }) {
            if (!values.containsKey(key)) {
                // 40 characters: quarkus-oidc encrypts the web app's session cookie with a key derived from
                // the client secret only when it has 32 or more (else a random key, lost on every restart)
                values.setProperty(key, key.equals("demo-password") ? "lychee-" + randomText(6) : randomText(40));
                changed = true;
            }
        }
        if (changed) {
            LocalFiles.store(values, file, "the local Keycloak's secrets; local use only");
        }
        return new IdentitySecrets(values);
    }

    public String adminPassword() {
        return values.getProperty("admin-password");
    }

    /** The password of every demo user of the realm (local use only; printed at start-up). */
    public String demoPassword() {
        return values.getProperty("demo-password");
    }

    public String webClientSecret() {
        return values.getProperty("web-client-secret");
    }

    public String servicesClientSecret() {
        return values.getProperty("services-client-secret");
    }

    public String accountsClientSecret() {
        return values.getProperty("accounts-client-secret");
    }

    /** The values of the realm file's {@code ${...}} placeholders, as Keycloak reads them at import. */
    Map<String, String> realmPlaceholders(String webUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AGRILINK_WEB_URL", webUrl);
        env.put("AGRILINK_WEB_CLIENT_SECRET", webClientSecret());
        env.put("AGRILINK_SERVICES_CLIENT_SECRET", servicesClientSecret());
        env.put("AGRILINK_ACCOUNTS_CLIENT_SECRET", accountsClientSecret());
        env.put("AGRILINK_DEMO_PASSWORD", demoPassword());
        return env;
    }

    /** {@code length} random characters, none of them a look-alike of another. */
    static String randomText(int length) {
        // no look-alikes (0/O, 1/l/I): the demo password is read off a terminal and typed
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
