package io.agrilink.logistics;

import jakarta.persistence.Embeddable;

/** One box or crate of a shipment. */
@Embeddable
public class Parcel {

    public String description;

    /** Gross weight in grams. */
    public long grams;

    public Parcel() {
    }

    public Parcel(String description, long grams) {
        this.description = description;
        this.grams = grams;
    }
}
