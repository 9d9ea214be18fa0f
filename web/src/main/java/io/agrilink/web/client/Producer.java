package io.agrilink.web.client;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A producer with its certifications, as the product page shows it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Producer(long id, String name, String province, String commune, List<Certification> certifications) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certification(String scheme, String code, LocalDate expiresOn, boolean valid) {
    }
}
