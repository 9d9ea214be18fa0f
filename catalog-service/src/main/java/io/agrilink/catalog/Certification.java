package io.agrilink.catalog;

import java.time.LocalDate;

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

    public LocalDate issuedOn;

    public LocalDate expiresOn;
}
