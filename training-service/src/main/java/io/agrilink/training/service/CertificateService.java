package io.agrilink.training.service;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.lang.JoseException;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.training.Certificate;
import io.agrilink.training.Enrolment;
import io.agrilink.training.config.TrainingConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Issues, revokes and verifies certificates. The signature is a compact JWS (RS256) whose claims
 * are the certificate's fields; it is verified with the matching public key, so a copy whose
 * name, course or date was edited fails.
 *
 * <p>A certificate is public (anyone reads it by its code), so its JWS must never pass for a
 * login: it is signed with a key of its own ({@code agrilink.training.certificates.*}, never the
 * key of login or service tokens), carries its own {@code kid}, {@code typ} ({@value #TYPE}) and
 * issuer, and has no expiry and no role. Every service refuses such a token as a bearer token
 * (the platform's login check); verification here accepts nothing but this key, type and issuer.
 * It is signed with jose4j rather than smallrye-jwt's builder, which always adds an {@code exp}.
 */
@ApplicationScoped
@Startup
public class CertificateService {

    /** The {@code typ} header of a certificate's JWS. */
    public static final String TYPE = "agrilink-certificate+jwt";

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

    @Inject
    AgriLinkTime time;

    private PrivateKey signKey;
    private JwtConsumer verifier;

    /** At start, so that a missing or unreadable key stops the service instead of failing each request. */
    @PostConstruct
    void loadKeys() {
        TrainingConfig.Certificates c = config.certificates();
        signKey = read("agrilink.training.certificates.sign-key-location", c.signKeyLocation(),
                KeyUtils::decodePrivateKey);
        PublicKey verifyKey = read("agrilink.training.certificates.verify-key-location", c.verifyKeyLocation(),
                KeyUtils::decodePublicKey);
        verifier = new JwtConsumerBuilder()
                .setVerificationKey(verifyKey)
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedType(true, TYPE)
                .setExpectedIssuer(c.tokenIssuer())
                .setRequireIssuedAt()
                .setSkipDefaultAudienceValidation()
                .build();
    }

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
        certificate.completedOn = LocalDate.ofInstant(enrolment.session.endsAt, time.zone());
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
     * Valid when the JWS verifies as a certificate (the certificate key, {@code kid}, {@code typ}
     * and issuer) and, if the fields were given beside it, they are exactly the signed ones.
     * Revocation is reported beside validity.
     */
    public Verdict verify(String jws, Document presented) {
        Map<String, Object> claims;
        try {
            JwtContext verified = verifier.process(jws);
            if (!config.certificates().keyId().equals(verified.getJoseObjects().get(0).getKeyIdHeaderValue())) {
                return new Verdict(false, "The certificate was not signed with this service's certificate key", null,
                        false);
            }
            claims = verified.getJwtClaims().getClaimsMap();
        } catch (InvalidJwtException e) {
            String reason = e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) ? "The signature does not match the certificate"
                    : e.hasErrorCode(ErrorCodes.TYPE_INVALID) || e.hasErrorCode(ErrorCodes.TYPE_MISSING)
                            || e.hasErrorCode(ErrorCodes.ISSUER_INVALID) ? "The signature is not of a certificate"
                                    : "The signature is not a valid JWS";
            return new Verdict(false, reason, null, false);
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
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.certificates().tokenIssuer());
        claims.setIssuedAt(NumericDate.fromSeconds(d.issuedAt().getEpochSecond()));
        claims.setClaim("code", d.code());
        claims.setClaim("holderName", d.holderName());
        claims.setClaim("courseCode", d.courseCode());
        claims.setClaim("courseTitle", d.courseTitle());
        claims.setClaim("completedOn", d.completedOn().toString());
        claims.setClaim("issuer", d.issuer());
        claims.setClaim("issuedAt", d.issuedAt().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(config.certificates().keyId());
        jws.setHeader(HeaderParameterNames.TYPE, TYPE);
        jws.setKey(signKey);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign the certificate " + d.code(), e);
        }
    }

    @FunctionalInterface
    private interface Decoder<K> {
        K decode(String pem) throws GeneralSecurityException;
    }

    /** A PEM key from a file path, a {@code classpath:} resource or a URL (smallrye-jwt's resource loading). */
    private static <K> K read(String property, String location, Decoder<K> decoder) {
        try {
            return decoder.decode(KeyUtils.readKeyContent(location));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the key at " + property + "=" + location, e);
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
