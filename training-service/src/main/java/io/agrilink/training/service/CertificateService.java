package io.agrilink.training.service;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.training.Certificate;
import io.agrilink.training.Enrolment;
import io.agrilink.training.config.TrainingConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Issues, revokes and verifies certificates. The signature is a compact JWS (RS256, the
 * service's own signing key via smallrye-jwt) whose claims are the certificate's fields; it is
 * verified with the matching public key, so a copy whose name, course or date was edited fails.
 */
@ApplicationScoped
public class CertificateService {

    /** No 0/O, 1/I/L: a code read out over the phone or typed from paper survives. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The signed fields of a certificate, as issued and as presented for verification. */
    public record Document(String code, String holderName, String courseCode, String courseTitle,
            LocalDate completedOn, String issuer, Instant issuedAt) {
    }

    /** The outcome of a verification. */
    public record Verdict(boolean valid, String reason, Document document, boolean revoked) {
    }

    @Inject
    TrainingConfig config;

    private volatile PublicKey verifyKey;

    @Transactional(Transactional.TxType.MANDATORY)
    public Certificate issue(Enrolment enrolment) {
        Certificate certificate = new Certificate();
        certificate.code = newCode();
        certificate.enrolmentId = enrolment.id;
        certificate.farmer = enrolment.farmer;
        certificate.holderName = enrolment.farmerName;
        certificate.courseId = enrolment.session.course.id;
        certificate.courseCode = enrolment.session.course.code;
        certificate.courseTitle = enrolment.session.course.titleVi();
        certificate.completedOn = LocalDate.ofInstant(enrolment.session.endsAt, config.timeZone());
        certificate.issuer = config.certificates().issuer();
        certificate.issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        certificate.signature = sign(documentOf(certificate));
        certificate.persist();
        return certificate;
    }

    @Transactional
    public Certificate revoke(String code, String by, String reason) {
        Certificate certificate = find(code).orElseThrow(() -> ProblemException.notFound("Certificate", code));
        if (certificate.revokedAt == null) {
            certificate.revokedAt = Instant.now();
            certificate.revokedBy = by;
            certificate.revokeReason = reason;
        }
        return certificate;
    }

    public Optional<Certificate> find(String code) {
        return Certificate.find("code", code == null ? "" : code.strip().toUpperCase()).firstResultOptional();
    }

    public static Document documentOf(Certificate c) {
        return new Document(c.code, c.holderName, c.courseCode, c.courseTitle, c.completedOn, c.issuer, c.issuedAt);
    }

    /**
     * Valid when the JWS verifies with the service's public key and, if the fields were given
     * beside it, they are exactly the signed ones. Revocation is reported beside validity.
     */
    public Verdict verify(String jws, Document presented) {
        Map<String, Object> claims;
        try {
            JsonWebSignature signature = new JsonWebSignature();
            signature.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256));
            signature.setCompactSerialization(jws);
            signature.setKey(verifyKey());
            if (!signature.verifySignature()) {
                return new Verdict(false, "The signature does not match the certificate", null, false);
            }
            claims = JwtClaims.parse(signature.getPayload()).getClaimsMap();
        } catch (JoseException | org.jose4j.jwt.consumer.InvalidJwtException e) {
            return new Verdict(false, "The signature is not a valid JWS", null, false);
        }
        Document signed;
        try {
            signed = new Document(str(claims, "code"), str(claims, "holderName"), str(claims, "courseCode"),
                    str(claims, "courseTitle"), LocalDate.parse(str(claims, "completedOn")), str(claims, "issuer"),
                    Instant.parse(str(claims, "issuedAt")));
        } catch (RuntimeException e) {
            return new Verdict(false, "The signed content is not a certificate", null, false);
        }
        if (presented != null && !presented.equals(signed)) {
            return new Verdict(false, "The certificate's fields differ from what was signed", signed, false);
        }
        boolean revoked = find(signed.code()).map(c -> c.revokedAt != null).orElse(false);
        boolean known = find(signed.code()).isPresent();
        if (!known) {
            return new Verdict(false, "No certificate with this code was issued here", signed, false);
        }
        return new Verdict(!revoked, revoked ? "The certificate was revoked" : "The certificate is authentic", signed,
                revoked);
    }

    private String sign(Document d) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("code", d.code());
        claims.put("holderName", d.holderName());
        claims.put("courseCode", d.courseCode());
        claims.put("courseTitle", d.courseTitle());
        claims.put("completedOn", d.completedOn().toString());
        claims.put("issuer", d.issuer());
        claims.put("issuedAt", d.issuedAt().toString());
        JwtClaimsBuilder builder = Jwt.claims(claims).subject(d.code()).issuedAt(d.issuedAt())
                // certificates do not expire; JWT builders insist on an expiry, so it is far away
                .expiresAt(d.issuedAt().plus(36_500, ChronoUnit.DAYS));
        return builder.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign();
    }

    private PublicKey verifyKey() {
        PublicKey key = verifyKey;
        if (key == null) {
            key = loadVerifyKey();
            verifyKey = key;
        }
        return key;
    }

    /** The configured public key, else the public half of the signing key. */
    private PublicKey loadVerifyKey() {
        try {
            Optional<String> location = config.certificates().verifyKeyLocation();
            if (location.isPresent()) {
                return KeyUtils.readPublicKey(location.get());
            }
            String signing = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key.location", String.class);
            PrivateKey privateKey = KeyUtils.readPrivateKey(signing);
            if (privateKey instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            throw new IllegalStateException("Set agrilink.training.certificates.verify-key-location");
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificate verification key", e);
        }
    }

    private static String str(Map<String, Object> claims, String name) {
        return Objects.toString(claims.get(name), null);
    }

    private static String newCode() {
        while (true) {
            StringBuilder code = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (Certificate.count("code", code.toString()) == 0) {
                return code.toString();
            }
        }
    }
}
