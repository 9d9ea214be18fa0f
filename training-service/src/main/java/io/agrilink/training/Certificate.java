package io.agrilink.training;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * Proof that a farmer completed a course: a short code anyone can check, and a signature (a
 * compact JWS over the certificate's fields, signed with the service's key) so an edited copy
 * does not verify.
 */
@Entity
public class Certificate extends PanacheEntity {

    public String code;
    public long enrolmentId;
    public String farmer;
    public String holderName;
    public long courseId;
    public String courseCode;
    public String courseTitle;
    public LocalDate completedOn;
    public String issuer;
    public Instant issuedAt;
    public String signature;
    public Instant revokedAt;
    public String revokedBy;
    public String revokeReason;
}
