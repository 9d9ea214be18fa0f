package io.agrilink.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A buyer's order: what was bought at which price, where it goes, how it is paid, and how far it got. */
@Entity
public class CustomerOrder extends PanacheEntity {

    /**
     * The lifecycle, in the order an order moves through it; CANCELLED ends it early. CANCELLING: a
     * cancel asked for once the shipment was with logistics-service, waiting for it to withdraw the
     * shipment (then CANCELLED) or to refuse because the carrier picked it up (back to READY_FOR_PICKUP).
     */
    public enum Status {
        PLACED, CONFIRMED, READY_FOR_PICKUP, CANCELLING, HANDED_OVER, IN_TRANSIT, DELIVERED, CANCELLED;

        /** Whether the goods are still with the farmer, so the stock reservation can still be released. */
        public boolean beforeHandover() {
            return this == PLACED || this == CONFIRMED || this == READY_FOR_PICKUP || this == CANCELLING;
        }

        /** Whether logistics-service may hold a shipment of the order that is not picked up yet. */
        public boolean awaitingPickup() {
            return this == READY_FOR_PICKUP || this == CANCELLING;
        }
    }

    public enum Payment {
        CASH_ON_DELIVERY, BANK_TRANSFER
    }

    /** The reference the stock reservation in catalog-service is held under. */
    public String orderRef;

    public String buyer;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    public Payment payment;

    public String recipient;

    /** E.164. */
    public String phone;

    /** ISO 3166 alpha-2; {@code VN} for a Vietnamese address. */
    public String country;

    /** One of the 34 provinces in force since 1 July 2025 (Vietnam only). */
    public String province;

    public String commune;

    public String street;

    public String postalCode;

    public long totalGrams;

    /** Whole đồng: the sum of the lines' amounts. */
    public long totalAmount;

    public Instant placedAt;

    /** Bank transfer only: unpaid by then, the order is cancelled and its stock released. */
    public Instant paymentDueAt;

    public Instant confirmedAt;

    public Instant readyAt;

    /** logistics-service's shipment, once handed over. */
    public Long shipmentId;

    /** The code logistics-service gave the shipment; the buyer tells it to the courier on delivery. */
    public String deliveryCode;

    @OneToMany(mappedBy = "order")
    @OrderBy("id")
    public List<OrderLine> lines = new ArrayList<>();
}
