package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A carrier said no to a shipment; it is not offered to that carrier again. */
@Entity
@Table(name = "shipment_decline")
public class ShipmentDecline extends PanacheEntity {

    @Column(name = "shipment_id")
    public long shipmentId;

    @Column(name = "carrier_id")
    public long carrierId;

    public String reason;

    @Column(name = "declined_at")
    public Instant declinedAt;
}
