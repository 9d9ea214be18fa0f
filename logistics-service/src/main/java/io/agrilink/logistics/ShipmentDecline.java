package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A carrier said no to a shipment; it is not offered to that carrier again. */
@Entity
public class ShipmentDecline extends PanacheEntity {

    public long shipmentId;

    public long carrierId;

    public String reason;

    public Instant declinedAt;
}
