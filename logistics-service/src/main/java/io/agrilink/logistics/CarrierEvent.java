package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A line of a carrier's audit trail: who suspended or reinstated it, when and why. */
@Entity
public class CarrierEvent extends PanacheEntity {

    public enum Action {
        SUSPENDED, REINSTATED
    }

    public long carrierId;

    @Enumerated(EnumType.STRING)
    public Action action;

    public String reason;

    /** The staff subject who acted. */
    public String actor;

    public Instant at;
}
