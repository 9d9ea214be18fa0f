package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One step of a shipment's tracking history. */
@Entity
public class ShipmentEvent extends PanacheEntity {

    public long shipmentId;

    @Enumerated(EnumType.STRING)
    public Shipment.Status status;

    public Instant occurredAt;

    public String location;

    public String note;

    /** The subject who reported it. */
    public String actor;
}
