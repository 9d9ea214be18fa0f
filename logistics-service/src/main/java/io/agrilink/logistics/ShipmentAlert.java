package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Something staff must look at: the load left its temperature range, or the cash collected is wrong. */
@Entity
@Table(name = "shipment_alert")
public class ShipmentAlert extends PanacheEntity {

    public enum Kind {
        TEMPERATURE_OUT_OF_RANGE, COD_MISMATCH
    }

    @Column(name = "shipment_id")
    public long shipmentId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String detail;

    @Column(name = "raised_at")
    public Instant raisedAt;
}
