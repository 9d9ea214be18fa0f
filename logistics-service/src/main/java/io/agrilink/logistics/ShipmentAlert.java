package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Something staff must look at: the load left its temperature range, or the cash collected is wrong. */
@Entity
public class ShipmentAlert extends PanacheEntity {

    public enum Kind {
        TEMPERATURE_OUT_OF_RANGE, COD_MISMATCH
    }

    public long shipmentId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String detail;

    public Instant raisedAt;
}
