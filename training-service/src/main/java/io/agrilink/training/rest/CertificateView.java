package io.agrilink.training.rest;

import java.time.Instant;
import java.time.LocalDate;

import io.agrilink.training.Certificate;

/** A certificate as issued: the signed fields, the signature (compact JWS), and revocation. */
public record CertificateView(String code, String holderName, String courseCode, String courseTitle,
        LocalDate completedOn, String issuer, Instant issuedAt, String signature, boolean revoked,
        Instant revokedAt, String revokeReason) {

    static CertificateView of(Certificate c) {
        return new CertificateView(c.code, c.holderName, c.courseCode, c.courseTitle, c.completedOn, c.issuer,
                c.issuedAt, c.signature, c.revokedAt != null, c.revokedAt, c.revokeReason);
    }
}
