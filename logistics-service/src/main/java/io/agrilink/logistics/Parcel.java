package io.agrilink.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One box or crate of a shipment. An order with lines from several producers has parcels with
 * their own pickup; a parcel without one is collected at the shipment's pickup.
 */
@Embeddable
public class Parcel {

    public String description;

    /** Gross weight in grams. */
    public long grams;

    @Column(name = "producer_id")
    public Long producerId;

    @Column(name = "producer_name")
    public String producerName;

    @Column(name = "pickup_province")
    public String pickupProvince;

    @Column(name = "pickup_commune")
    public String pickupCommune;

    @Column(name = "pickup_phone")
    public String pickupPhone;

    public Parcel() {
    }

    public Parcel(String description, long grams) {
        this.description = description;
        this.grams = grams;
    }

    /** Whether it is collected somewhere else than the shipment's pickup. */
    public boolean hasOwnPickup() {
        return pickupProvince != null;
    }
}
