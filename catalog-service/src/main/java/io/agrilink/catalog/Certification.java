package io.agrilink.catalog;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A good-practice or organic certificate a producer holds, valid from issue to expiry. */
@Embeddable
public class Certification {

    public enum Scheme {
        VIETGAP, GLOBALGAP, ORGANIC
    }

    @Enumerated(EnumType.STRING)
    public Scheme scheme;

    public String code;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;
}
