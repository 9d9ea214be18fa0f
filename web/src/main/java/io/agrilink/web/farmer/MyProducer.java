package io.agrilink.web.farmer;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.agrilink.web.Formats;

/** A producer the signed-in farmer owns, as catalog-service's {@code GET /producers?owner=} answers it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MyProducer(long id, String name, String kind, String province, String provinceGiven, String commune,
        String phone, String growingAreaCode, List<Certification> certifications, Ocop ocop) {

    /** How many days ahead a certification's expiry is flagged, so it is renewed before buyers lose it. */
    static final int EXPIRING_WITHIN_DAYS = 30;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certification(String scheme, String code, LocalDate issuedOn, LocalDate expiresOn, boolean valid) {

        /** {@code expired}, {@code expiring} (within 30 days), {@code notYet} or {@code valid}, as of today in Việt Nam. */
        public String state() {
            LocalDate today = LocalDate.now(Formats.VIETNAM);
            if (expiresOn != null && expiresOn.isBefore(today)) {
                return "expired";
            }
            if (issuedOn != null && issuedOn.isAfter(today)) {
                return "notYet";
            }
            if (expiresOn != null && !expiresOn.isAfter(today.plusDays(EXPIRING_WITHIN_DAYS))) {
                return "expiring";
            }
            return "valid";
        }

        /** Days from today to the expiry (negative once expired). */
        public long daysLeft() {
            return expiresOn == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(Formats.VIETNAM), expiresOn);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ocop(Integer stars, String level, LocalDate expiresOn) {
    }
}
