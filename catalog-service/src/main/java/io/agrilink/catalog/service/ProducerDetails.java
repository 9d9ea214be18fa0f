package io.agrilink.catalog.service;

import java.time.LocalDate;
import java.util.List;

import io.agrilink.catalog.Certification;
import io.agrilink.catalog.Producer;

/**
 * What staff or a farmer say of a producer when registering or replacing it. {@code owners} is
 * null when not given (a replace then keeps them); only staff name owners.
 */
public record ProducerDetails(
        String name,
        Producer.Kind kind,
        String province,
        String commune,
        String phone,
        String growingAreaCode,
        List<Certificate> certifications,
        Ocop ocop,
        List<String> owners) {

    public record Certificate(Certification.Scheme scheme, String code, LocalDate issuedOn, LocalDate expiresOn) {
    }

    public record Ocop(int stars, Producer.OcopLevel level, LocalDate expiresOn) {
    }
}
