package io.agrilink.catalog.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.agrilink.catalog.Certification;
import io.agrilink.catalog.Producer;
import io.agrilink.catalog.service.ProducerDetails;

/** A producer as staff or a farmer describe it (create and replace). */
public record ProducerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Producer.Kind kind,
        @NotBlank @Size(max = 60) String province,
        @NotBlank @Size(max = 200) String commune,
        @NotBlank @Size(max = 30) String phone,
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9./-]+", message = "may hold only letters, digits, '.', '/' and '-'") String growingAreaCode,
        @Size(max = 10) List<@NotNull @Valid CertificationRequest> certifications,
        @Valid Ocop ocop,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> owners) {

    public record CertificationRequest(
            @NotNull Certification.Scheme scheme,
            @Size(max = 60) String code,
            @NotNull LocalDate issuedOn,
            @NotNull LocalDate expiresOn) {
    }

    public record Ocop(
            @NotNull @Min(3) @Max(5) Integer stars,
            @NotNull Producer.OcopLevel level,
            LocalDate expiresOn) {
    }

    public ProducerDetails toDetails() {
        return new ProducerDetails(name, kind, province, commune, phone, growingAreaCode,
                certifications == null ? null : certifications.stream().map(c -> new ProducerDetails.Certificate(
                        c.scheme(), c.code(), c.issuedOn(), c.expiresOn())).toList(),
                ocop == null ? null : new ProducerDetails.Ocop(ocop.stars(), ocop.level(), ocop.expiresOn()), owners);
    }
}
