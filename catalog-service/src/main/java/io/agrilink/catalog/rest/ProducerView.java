package io.agrilink.catalog.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.agrilink.catalog.Certification;
import io.agrilink.catalog.Producer;

public record ProducerView(
        long id,
        String name,
        Producer.Kind kind,
        String province,
        String provinceGiven,
        String commune,
        String phone,
        String growingAreaCode,
        List<CertificationView> certifications,
        ProducerRequest.Ocop ocop,
        boolean livestreamReady,
        List<String> owners,
        Instant createdAt) {

    public record CertificationView(Certification.Scheme scheme, String code, LocalDate issuedOn,
            LocalDate expiresOn, boolean valid) {
    }

    public static ProducerView from(Producer p, boolean livestreamReady) {
        LocalDate today = LocalDate.now();
        return new ProducerView(p.id, p.name, p.kind, p.province, p.provinceGiven, p.commune, p.phone,
                p.growingAreaCode,
                p.certifications.stream().map(c -> new CertificationView(c.scheme, c.code, c.issuedOn,
                        c.expiresOn, !today.isBefore(c.issuedOn) && !today.isAfter(c.expiresOn))).toList(),
                p.ocopStars == null ? null : new ProducerRequest.Ocop(p.ocopStars, p.ocopLevel, p.ocopExpiresOn),
                livestreamReady, p.owners.stream().sorted().toList(), p.createdAt);
    }
}
