package io.agrilink.web.staff.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A producer as staff read and replace it (catalog-service's {@code ProducerResponse} and
 * {@code ProducerInput}): everything the replace takes, so adding a certification keeps the rest.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaffProducer(long id, String name, String kind, String province, String commune, String phone,
        String growingAreaCode, List<Certification> certifications, Ocop ocop, boolean livestreamReady,
        List<String> owners) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certification(String scheme, String code, LocalDate issuedOn, LocalDate expiresOn, boolean valid) {

        /** Expired, or not yet valid: what the list marks. */
        public boolean expired() {
            return !valid;
        }

        /** Valid today but ending within 60 days: time to renew. */
        public boolean expiresSoon(LocalDate today) {
            return valid && expiresOn != null && !expiresOn.isAfter(today.plusDays(60));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ocop(Integer stars, String level, LocalDate expiresOn) {
    }

    /** What catalog's {@code PUT /producers/{id}} takes: this producer with one more certification. */
    public Replacement withCertification(NewCertification added) {
        List<NewCertification> all = new ArrayList<>();
        for (Certification c : certifications == null ? List.<Certification> of() : certifications) {
            all.add(new NewCertification(c.scheme(), c.code(), c.issuedOn(), c.expiresOn()));
        }
        all.add(added);
        return new Replacement(name, kind, province, commune, phone, growingAreaCode, all, ocop,
                owners == null ? List.of() : owners);
    }

    public record NewCertification(String scheme, String code, LocalDate issuedOn, LocalDate expiresOn) {
    }

    public record Replacement(String name, String kind, String province, String commune, String phone,
            String growingAreaCode, List<NewCertification> certifications, Ocop ocop, List<String> owners) {
    }
}
