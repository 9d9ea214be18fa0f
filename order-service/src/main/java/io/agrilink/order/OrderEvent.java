package io.agrilink.order;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One entry of an order's audit trail: who did what, when, and the status before and after. */
@Entity
@Table(name = "order_event")
public class OrderEvent extends PanacheEntity {

    @Column(name = "order_id")
    public long orderId;

    public Instant at;

    /** The subject who acted, {@code system} for scheduled jobs, or the calling service. */
    public String actor;

    /** PLACED, CONFIRMED, PAID, LINE_PACKED, SHIPMENT_CREATED, SHIPMENT_EVENT, CANCELLED, ... */
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public CustomerOrder.Status fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public CustomerOrder.Status toStatus;

    public String detail;

    /** logistics-service's event id for shipment events, unique: a repeat is recognised. */
    @Column(name = "event_id")
    public String eventId;

    public static OrderEvent of(CustomerOrder order, Instant at, String actor, String action,
            CustomerOrder.Status from, CustomerOrder.Status to, String detail) {
        OrderEvent event = new OrderEvent();
        event.orderId = order.id;
        event.at = at;
        event.actor = actor;
        event.action = action;
        event.fromStatus = from;
        event.toStatus = to;
        event.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        return event;
    }
}
