package io.agrilink.logistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** The goods of one order on their way from the producer to the buyer. */
@Entity
public class Shipment extends PanacheEntity {

    /**
     * Where a shipment is. OPEN waits for a carrier; FAILED_ATTEMPT goes out again or back to
     * the producer; DELIVERED and RETURNED are final. CANCELLED (final too) is reached only from
     * OPEN or ASSIGNED, by staff or because the order was cancelled, never by a carrier's step.
     */
    public enum Status {
        OPEN, ASSIGNED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, FAILED_ATTEMPT, RETURNED, CANCELLED;

        /** The statuses that may follow this one. IN_TRANSIT may repeat, to report a new location. */
        public Set<Status> next() {
            return switch (this) {
                case OPEN -> EnumSet.of(ASSIGNED);
                case ASSIGNED -> EnumSet.of(PICKED_UP);
                case PICKED_UP -> EnumSet.of(IN_TRANSIT);
                case IN_TRANSIT -> EnumSet.of(IN_TRANSIT, OUT_FOR_DELIVERY);
                case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED, FAILED_ATTEMPT);
                case FAILED_ATTEMPT -> EnumSet.of(OUT_FOR_DELIVERY, RETURNED);
                case DELIVERED, RETURNED, CANCELLED -> EnumSet.noneOf(Status.class);
            };
        }

        public boolean isFinal() {
            return this == DELIVERED || this == RETURNED || this == CANCELLED;
        }

        /** Whether the goods are still at the producer, so the shipment can still be cancelled. */
        public boolean beforePickup() {
            return this == OPEN || this == ASSIGNED;
        }
    }

    public long orderId;

    public String orderRef;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Embedded
    public Pickup pickup;

    public String recipient;

    public String recipientPhone;

    /** ISO 3166 alpha-2, upper case; VN for domestic shipments. */
    public String country;

    public String destinationProvince;

    public String destinationCommune;

    public String street;

    public String postalCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_parcel", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "position")
    public List<Parcel> parcels = new ArrayList<>();

    /** Cash to collect from the buyer, whole đồng; 0 when paid beforehand. */
    public long codAmount;

    public boolean coldChain;

    public Double minCelsius;

    public Double maxCelsius;

    /** Leaves Vietnam: papers and treatments are checked before pickup. */
    @Column(name = "is_export")
    public boolean export;

    public Instant deliverBy;

    /** The code the buyer tells the courier at the door; proves the delivery. */
    public String deliveryCode;

    public Long carrierId;

    public Instant assignedAt;

    public Instant pickedUpAt;

    public Instant deliveredAt;

    public Instant cancelledAt;

    public String lastLocation;

    public String receivedBy;

    public String proofPhotoRef;

    public Long cashCollected;

    public boolean codMismatch;

    public boolean temperatureBreached;

    @Column(insertable = false, updatable = false)
    public Instant createdAt;

    public long totalGrams() {
        return parcels.stream().mapToLong(p -> p.grams).sum();
    }

    /** Every province the carrier must collect in: the shipment's pickup and each parcel's own. */
    public Set<String> pickupProvinces() {
        Set<String> provinces = new java.util.LinkedHashSet<>();
        provinces.add(pickup.province());
        parcels.stream().filter(Parcel::hasOwnPickup).map(p -> p.pickup.province()).forEach(provinces::add);
        return provinces;
    }

    public boolean isHeldBy(Carrier carrier) {
        return carrier != null && carrier.id.equals(carrierId);
    }
}
