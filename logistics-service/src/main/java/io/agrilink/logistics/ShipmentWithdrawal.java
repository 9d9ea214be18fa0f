package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An order order-service withdrew before its handoff arrived (the handoff was still in its
 * outbox): a handoff of this order that comes later is refused, so no carrier is offered it.
 */
@Entity
public class ShipmentWithdrawal extends PanacheEntityBase {

    @Id
    public long orderId;

    public String reason;

    public String actor;

    public Instant withdrawnAt;
}
