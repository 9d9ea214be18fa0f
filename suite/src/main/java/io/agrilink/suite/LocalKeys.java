package io.agrilink.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * The local runs' signing key pair, generated on first use into {@code <data>/keys} and never
 * committed. Services verify with the public key; the launcher mints user tokens and the
 * services mint their {@code service} tokens with the private one.
 */
public final class LocalKeys {

    /** The issuer every service expects by default. */
    public static final String ISSUER = "https://id.agrilink.local";

    private final Path privateKeyFile;
    private final Path publicKeyFile;
    private final PrivateKey privateKey;

    private LocalKeys(Path privateKeyFile, Path publicKeyFile) throws IOException, GeneralSecurityException {
        this.privateKeyFile = privateKeyFile;
        this.publicKeyFile = publicKeyFile;
        this.privateKey = KeyUtils.decodePrivateKey(Files.readString(privateKeyFile));
    }

    /** The key pair in {@code directory}, generated there when it is not yet. */
    public static LocalKeys in(Path directory) throws IOException {
        Path privateKeyFile = directory.resolve("privateKey.pem");
        Path publicKeyFile = directory.resolve("publicKey.pem");
        try {
            if (!Files.exists(privateKeyFile) || !Files.exists(publicKeyFile)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                try {
                    Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the folder's own permissions apply
                }
            }
            return new LocalKeys(privateKeyFile, publicKeyFile);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot create or read the local key pair in " + directory, e);
        }
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
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
