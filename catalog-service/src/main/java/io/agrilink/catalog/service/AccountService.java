package io.agrilink.catalog.service;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.catalog.client.KeycloakAccounts;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.vn.Phones;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Staff register farmer, carrier and buyer accounts in the identity provider. Staff and service accounts
 * are made only in the Keycloak admin console. The account is created first (no database transaction is
 * held across the call), then its audit entry is written; when that write fails the account is deleted
 * again, so every account registered here has its entry and a failed registration has none.
 */
@ApplicationScoped
public class AccountService {

    /** The roles staff may give here. */
    public static final Set<String> REGISTRABLE = Set.of(Roles.FARMER, Roles.CARRIER, Roles.BUYER);

    /** No 0/o, 1/l/i: the password is read out to a farmer at a training session. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A validated registration. */
    public record Registration(String username, String firstName, String lastName, String email, String phone,
            String role) {
    }

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    AuditTrail audit;

    /** Checks the input and puts it in the form stored: usernames and phone numbers normalised, email lower-cased. */
    public Registration validate(NewAccount input) {
        String role = input.role().strip().toLowerCase(Locale.ROOT);
        if (!REGISTRABLE.contains(role)) {
            throw new ProblemException(422, "Unprocessable request", "role: must be farmer, carrier or buyer; "
                    + "staff and service accounts are made in the identity provider's admin console",
                    List.of(new Problem.Violation("role", "must be farmer, carrier or buyer")));
        }
        String username = Usernames.normalise(input.username());
        String phone = null;
        if (input.phone() != null && !input.phone().isBlank()) {
            phone = Phones.normalise(input.phone())
                    .orElseThrow(() -> ProblemException.invalid("phone", "is not a Vietnamese mobile or landline number"));
        } else if (Character.isDigit(username.charAt(0))) {
            phone = Phones.normalise(username).orElse(null);
        }
        String email = input.email() == null || input.email().isBlank() ? null
                : input.email().strip().toLowerCase(Locale.ROOT);
        return new Registration(username, input.firstName().strip(), input.lastName().strip(), email, phone, role);
    }

    /**
     * Creates the account with a new temporary password and records who registered it.
     *
     * @return the temporary password
     */
    public String register(Registration r) {
        String password = temporaryPassword();
        String id = keycloak.create(new KeycloakAccounts.NewAccount(r.username(), r.firstName(), r.lastName(), r.email(),
                r.phone(), r.role(), password));
        try {
            QuarkusTransaction.requiringNew().run(() -> audit.recordAccount(r.username(), r.role()));
        } catch (RuntimeException e) {
            keycloak.delete(id, r.username());
            throw e;
        }
        return password;
    }

    /** The account with this username (normalised as at registration), if any. */
    public Optional<KeycloakAccounts.Account> find(String username) {
        return keycloak.find(Usernames.normalise(username));
    }

    private static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
