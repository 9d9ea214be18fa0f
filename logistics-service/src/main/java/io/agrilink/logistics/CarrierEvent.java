package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A line of a carrier's audit trail: who suspended or reinstated it, when and why. */
@Entity
@Table(name = "carrier_event")
public class CarrierEvent extends PanacheEntity {

    public enum Action {
        SUSPENDED, REINSTATED
    }

    @Column(name = "carrier_id")
    public long carrierId;

    @Enumerated(EnumType.STRING)
    public Action action;

    public String reason;

    /** The staff subject who acted. */
    public String actor;

    public Instant at;
}
