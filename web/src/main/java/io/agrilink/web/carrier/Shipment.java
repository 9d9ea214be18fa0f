package io.agrilink.web.carrier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The web app's own copy of what it reads of logistics-service's shipment. A carrier never gets
 * the buyer's delivery code (the service leaves it out), so this record has none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Shipment(long id, long orderId, String orderRef, String status, Set<String> allowedNext, Place pickup,
        List<Place> pickups, Destination destination, List<Parcel> parcels, long totalGrams, long codAmount,
        ColdChain coldChain, boolean export, List<Check> checklist, Instant deliverBy, Long carrierId,
        Instant assignedAt, Instant pickedUpAt, Instant deliveredAt, String lastLocation, Delivery proof,
        Long cashCollected, boolean codMismatch, boolean temperatureBreached, List<Alert> alerts) {

    /** Within this many hours of its deadline a shipment is shown as due soon. */
    static final Duration DUE_SOON = Duration.ofHours(24);

    public Shipment {
        allowedNext = allowedNext == null ? Set.of() : allowedNext;
        pickups = pickups == null || pickups.isEmpty() ? (pickup == null ? List.of() : List.of(pickup)) : pickups;
        parcels = parcels == null ? List.of() : parcels;
        checklist = checklist == null ? List.of() : checklist;
        alerts = alerts == null ? List.of() : alerts;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Place(String producerName, String province, String commune, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Destination(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {

        /** Where it goes, as a line: the province for Việt Nam, the country code abroad. */
        public String where() {
            return "VN".equalsIgnoreCase(country) ? province : country;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parcel(String description, long grams) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ColdChain(double minCelsius, double maxCelsius) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(String requirement, String label, boolean done, String documentRef) {

        /** The form field of this paper's document reference, one per paper on the page. */
        public String field() {
            return "documentRef-" + requirement;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String recipientName, Instant receivedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String kind, String detail, Instant raisedAt) {
    }

    /** Whether the carrier may report {@code next} now (the service's {@code allowedNext}). */
    public boolean can(String next) {
        return allowedNext.contains(next);
    }

    /** The export papers still to tick; pickup is refused until there are none. */
    public List<Check> missingPapers() {
        return checklist.stream().filter(c -> !c.done()).toList();
    }

    /** Whether the checklist can still be ticked (before pickup). */
    public boolean checklistOpen() {
        return "OPEN".equals(status) || "ASSIGNED".equals(status);
    }

    public boolean collectsCash() {
        return codAmount > 0;
    }

    public boolean finished() {
        return "DELIVERED".equals(status) || "RETURNED".equals(status) || "CANCELLED".equals(status);
    }

    /** Past its deadline and not delivered. */
    public boolean late() {
        return !finished() && deliverBy != null && deliverBy.isBefore(Instant.now());
    }

    /** Due within a day and not delivered. */
    public boolean dueSoon() {
        return !finished() && !late() && deliverBy != null && deliverBy.isBefore(Instant.now().plus(DUE_SOON));
    }

    public List<Alert> temperatureAlerts() {
        return alerts.stream().filter(a -> "TEMPERATURE_OUT_OF_RANGE".equals(a.kind())).toList();
    }
}
