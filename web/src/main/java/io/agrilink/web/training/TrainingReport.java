package io.agrilink.web.training;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** training-service's programme report for staff (rates are shares of the attendance recorded, null before any). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingReport(Instant generatedAt, List<Figures> byCourse, List<Figures> byProvince,
        List<Figures> byCommune, List<Waitlist> waitlists, Listings listings) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(String course, String province, String commune, long enrolments, long seated,
            long waitlisted, long attended, long partial, long noShow, Double completionRate, Double noShowRate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Waitlist(long sessionId, String course, Instant startsAt, int capacity, long seatsTaken,
            long waitlistLength) {
    }

    /** {@code catalog} is "available", or why the listing counts are missing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listings(long trainedFarmers, Long farmersListingProducts, Long productsListed, String catalog) {

        public boolean available() {
            return "available".equals(catalog);
        }
    }
}
