package io.agrilink.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The one place tests mint tokens: signed with the test key (which services trust in the
 * {@code %test} profile), for any role and subject, and the broken ones every secured endpoint
 * must refuse: expired, signed by another key, from another issuer.
 */
public final class Tokens {

    /** The issuer services expect; the same default as in each service's configuration. */
    public static final String ISSUER = "https://id.agrilink.local";

    private static final PrivateKey KEY = load("agrilink-test/privateKey.pem");
    private static final PrivateKey OTHER_KEY = generate();

    private Tokens() {
    }

    /** A valid token for {@code subject} with {@code role}. */
    public static String of(String role, String subject) {
        return claims(role, subject, ISSUER).expiresIn(3600).sign(KEY);
    }

    /** {@code Authorization} header value for {@code subject} with {@code role}. */
    public static String bearer(String role, String subject) {
        return "Bearer " + of(role, subject);
    }

    /** A token that expired an hour ago. */
    public static String expired(String role, String subject) {
        long hourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        return claims(role, subject, ISSUER).issuedAt(hourAgo - 600).expiresAt(hourAgo).sign(KEY);
    }

    /** A well-formed token signed by a key no service trusts. */
    public static String signedByAnotherKey(String role, String subject) {
        return claims(role, subject, ISSUER).expiresIn(3600).sign(OTHER_KEY);
    }

    /** A token from an issuer no service trusts, signed with the trusted key. */
    public static String wrongIssuer(String role, String subject) {
        return claims(role, subject, "https://evil.example/issuer").expiresIn(3600).sign(KEY);
    }

    /** Signed with the trusted key, from the trusted issuer, unexpired, for {@code subject}: but with no role. */
    public static String withoutRoles(String subject) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).claim("name", subject).expiresIn(3600).sign(KEY);
    }

    /**
     * A token as {@link #of} in every claim, signed with the trusted key, whose {@code typ} header
     * says it is a certificate (as training-service's certificates are), not an access token.
     */
    public static String certificateTyped(String role, String subject) {
        return claims(role, subject, ISSUER).expiresIn(3600).jws().header("typ", "agrilink-certificate+jwt").sign(KEY);
    }

    /** A valid token whose payload was edited after signing (the role changed to staff). */
    public static String tampered(String role, String subject) {
        String[] parts = of(role, subject).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + role + "\"", "\"staff\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JwtClaimsBuilder claims(String role, String subject, String issuer) {
        return Jwt.issuer(issuer).subject(subject).upn(subject).groups(Set.of(role))
                .claim("name", subject);
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Test key " + resource + " is not on the classpath");
            }
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read test key " + resource, e);
        }
    }

    private static PrivateKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
