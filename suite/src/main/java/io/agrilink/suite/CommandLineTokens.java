package io.agrilink.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/**
 * {@code ./agrilink token ROLE --sub USER} while the suite runs with Keycloak: a real sign-in of
 * that user, so the token is exactly what the web app's users carry.
 * <ul>
 * <li>{@code service}: a client-credentials token of {@code agrilink-services}, whatever {@code --sub} says;</li>
 * <li>a demo user: a password sign-in with the demo password;</li>
 * <li>a user Keycloak does not know yet: created with that one role and a random password, which is
 * kept in {@code <data>/keycloak/cli-users.properties} for the next token (local use only);</li>
 * <li>anyone else: refused, since their password is their own. The role is never granted on the
 * side: a token only carries what the account has.</li>
 * </ul>
 */
final class CommandLineTokens {

    private CommandLineTokens() {
    }

    static String fromKeycloak(String url, Path keycloakFolder, String role, String username, boolean hoursAsked)
            throws IOException {
        IdentitySecrets secrets = IdentitySecrets.in(keycloakFolder);
        Path file = keycloakFolder.resolve("cli-users.properties");
        Properties madeHere = LocalFiles.load(file);
        Set<String> demoUsers = KeycloakServer.demoUsers().keySet();
        KeycloakClient keycloak = new KeycloakClient(url, KeycloakServer.REALM, secrets,
                user -> demoUsers.contains(user) ? secrets.demoPassword() : madeHere.getProperty(user));
        if (hoursAsked) {
            System.err.println("(--hours is ignored with Keycloak: its tokens live as long as the realm's "
                    + KeycloakClient.CLI_CLIENT + " client says, 1 hour)");
        }
        if ("service".equals(role)) {
            return keycloak.token(role, username);
        }
        if (!demoUsers.contains(username) && !madeHere.containsKey(username)) {
            if (keycloak.user(username) != null) {
                throw new IllegalStateException(username + " has an account in Keycloak that ./agrilink token did not "
                        + "make, so its password is its own: sign in as " + username + ", or pick another --sub.");
            }
            String password = IdentitySecrets.randomText(24);
            keycloak.createUser(username, role, password);
            madeHere.setProperty(username, password);
            LocalFiles.store(madeHere, file,
                    "users ./agrilink token made in the local Keycloak, and their passwords; local use only");
            System.err.println("(created " + username + " with role " + role + " in Keycloak's realm "
                    + KeycloakServer.REALM + ")");
        }
        return keycloak.token(role, username);
    }
}
