package io.agrilink.logistics;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An order order-service withdrew before its handoff arrived (the handoff was still in its
 * outbox): a handoff of this order that comes later is refused, so no carrier is offered it.
 */
@Entity
@Table(name = "shipment_withdrawal")
public class ShipmentWithdrawal extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public long orderId;

    public String reason;

    public String actor;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
}
