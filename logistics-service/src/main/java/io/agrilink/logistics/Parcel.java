package io.agrilink.logistics;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/**
 * One box or crate of a shipment. An order with lines from several producers has parcels with
 * their own pickup; a parcel without one is collected at the shipment's pickup.
 */
@Embeddable
public class Parcel {

    public String description;

    /** Gross weight in grams. */
    public long grams;

    /** Null when the parcel is collected at the shipment's pickup. */
    @Embedded
    public Pickup pickup;

    public Parcel() {
    }

    public Parcel(String description, long grams) {
        this.description = description;
        this.grams = grams;
    }

    /** Whether it is collected somewhere else than the shipment's pickup. */
    public boolean hasOwnPickup() {
        return pickup != null;
    }
}
