package io.agrilink.web.training;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** training-service's session of a course: when, where, seats taken (offers included) and free, waitlist. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(long id, long courseId, String courseCode, String courseTitle, Instant startsAt,
        Instant endsAt, Venue venue, int capacity, String trainer, Instant enrolmentOpensAt,
        Instant enrolmentClosesAt, String status, long seatsTaken, long seatsFree, long waitlistLength) {

    /** A commune hall (name, commune, province) or an online meeting (name, url). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Venue(String kind, String name, String province, String commune, String url) {

        public boolean online() {
            return "ONLINE".equals(kind);
        }

        /** "Hội trường UBND xã Lục Ngạn, Lục Ngạn, Bắc Ninh" or "Zalo Meeting". */
        public String place() {
            StringBuilder place = new StringBuilder(name == null ? "" : name);
            for (String part : new String[] { commune, province }) {
                if (part != null && !part.isBlank()) {
                    place.append(place.isEmpty() ? "" : ", ").append(part);
                }
            }
            return place.toString();
        }
    }

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }
}
