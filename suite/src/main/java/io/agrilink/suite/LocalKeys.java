package io.agrilink.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The local runs' key pairs, generated on first use into {@code <data>/keys} and never committed.
 * <ul>
 * <li>The login pair ({@code privateKey.pem}, {@code publicKey.pem}): services verify every token
 * with the public key; the launcher mints user tokens and the services mint their {@code service}
 * tokens with the private one.</li>
 * <li>The certificate pair ({@code certificates/privateKey.pem}, {@code certificates/publicKey.pem}):
 * training-service alone signs and verifies certificates with it. No service trusts it for a
 * login, so a certificate's public signature is never a bearer token.</li>
 * </ul>
 */
public final class LocalKeys {

    /** The issuer every service expects by default. */
    public static final String ISSUER = "https://id.agrilink.local";

    /** The {@code kid} of the local certificate key (training-service's {@code agrilink.training.certificates.key-id}). */
    public static final String CERTIFICATE_KEY_ID = "training-certificates-local";

    private final Path privateKeyFile;
    private final Path publicKeyFile;
    private final Path certificatePrivateKeyFile;
    private final Path certificatePublicKeyFile;
    private final PrivateKey privateKey;

    private LocalKeys(Path directory) throws IOException, GeneralSecurityException {
        this.privateKeyFile = directory.resolve("privateKey.pem");
        this.publicKeyFile = directory.resolve("publicKey.pem");
        this.certificatePrivateKeyFile = directory.resolve("certificates").resolve("privateKey.pem");
        this.certificatePublicKeyFile = directory.resolve("certificates").resolve("publicKey.pem");
        this.privateKey = KeyUtils.decodePrivateKey(Files.readString(privateKeyFile));
    }

    /** The key pairs in {@code directory}, each generated there when it is not yet. */
    public static LocalKeys in(Path directory) throws IOException {
        try {
            generateUnlessPresent(directory);
            generateUnlessPresent(directory.resolve("certificates"));
            return new LocalKeys(directory);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot create or read the local key pairs in " + directory, e);
        }
    }

    private static void generateUnlessPresent(Path directory) throws IOException, GeneralSecurityException {
        Path privateKeyFile = directory.resolve("privateKey.pem");
        Path publicKeyFile = directory.resolve("publicKey.pem");
        if (Files.exists(privateKeyFile) && Files.exists(publicKeyFile)) {
            return;
        }
        Files.createDirectories(directory);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        LocalFiles.ownerOnly(privateKeyFile);
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** The private key that signs certificates (training-service only). */
    public Path certificatePrivateKeyFile() {
        return certificatePrivateKeyFile;
    }

    /** The public key that verifies certificates (training-service only). */
    public Path certificatePublicKeyFile() {
        return certificatePublicKeyFile;
    }

    /** A token for {@code subject} with {@code role}, valid for {@code lifespan}. */
    public String token(String role, String subject, Duration lifespan) {
        return token(role, subject, lifespan, ISSUER);
    }

    /** A token as above from another issuer, or expired when {@code lifespan} is negative. */
    public String token(String role, String subject, Duration lifespan, String issuer) {
        if (lifespan.isNegative()) {
            long expiredAt = java.time.Instant.now().plus(lifespan).getEpochSecond();
            return Jwt.issuer(issuer).subject(subject).upn(subject).groups(Set.of(role)).claim("name", subject)
                    .issuedAt(expiredAt - 600).expiresAt(expiredAt).sign(privateKey);
        }
        return Jwt.issuer(issuer).subject(subject).upn(subject).groups(Set.of(role)).claim("name", subject)
                .expiresIn(lifespan).sign(privateKey);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
