package io.agrilink.suite;

/** Where the launcher, the demo data and the tests get a signed token for a user with a role. */
@FunctionalInterface
public interface TokenSource {

    /** A token for {@code subject} that carries {@code role}. */
    String token(String role, String subject);
}
