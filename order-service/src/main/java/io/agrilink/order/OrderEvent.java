package io.agrilink.order;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** One entry of an order's audit trail: who did what, when, and the status before and after. */
@Entity
public class OrderEvent extends PanacheEntity {

    public long orderId;

    public Instant at;

    /** The subject who acted, {@code system} for scheduled jobs, or the calling service. */
    public String actor;

    /** PLACED, CONFIRMED, PAID, LINE_PACKED, SHIPMENT_CREATED, SHIPMENT_EVENT, CANCELLED, ... */
    public String action;

    @Enumerated(EnumType.STRING)
    public CustomerOrder.Status fromStatus;

    @Enumerated(EnumType.STRING)
    public CustomerOrder.Status toStatus;

    public String detail;

    /** logistics-service's event id for shipment events, unique: a repeat is recognised. */
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
