package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One step of a shipment's tracking history. */
@Entity
@Table(name = "shipment_event")
public class ShipmentEvent extends PanacheEntity {

    @Column(name = "shipment_id")
    public long shipmentId;

    @Enumerated(EnumType.STRING)
    public Shipment.Status status;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String location;

    public String note;

    /** The subject who reported it. */
    public String actor;
}
