package io.agrilink.logistics.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.agrilink.logistics.ChecklistItem;
import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.ShipmentAlert;
import io.agrilink.logistics.service.ShipmentDetails;

/**
 * A shipment as callers see it. {@code deliveryCode} is shown to order-service and staff only,
 * never to a carrier: the courier learns it from the buyer at the door.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentView(
        long id,
        long orderId,
        String orderRef,
        Shipment.Status status,
        Set<Shipment.Status> allowedNext,
        Pickup pickup,
        List<Pickup> pickups,
        Destination destination,
        List<Parcel> parcels,
        long totalGrams,
        long codAmount,
        ColdChain coldChain,
        boolean export,
        List<Check> checklist,
        Instant deliverBy,
        String deliveryCode,
        Long carrierId,
        Instant assignedAt,
        Instant pickedUpAt,
        Instant deliveredAt,
        String lastLocation,
        Delivery proof,
        Long cashCollected,
        boolean codMismatch,
        boolean temperatureBreached,
        List<Alert> alerts,
        Instant createdAt) {

    public record Pickup(Long producerId, String producerName, String province, String commune, String phone) {
    }

    public record Destination(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {
    }

    /** {@code pickup}: where this parcel is collected (the shipment's pickup unless it has its own). */
    public record Parcel(String description, long grams, Pickup pickup) {
    }

    public record ColdChain(double minCelsius, double maxCelsius) {
    }

    public record Check(String requirement, String label, boolean done, String documentRef, String tickedBy,
            Instant tickedAt) {
    }

    public record Delivery(String recipientName, Instant receivedAt, String photoRef) {
    }

    public record Alert(ShipmentAlert.Kind kind, String detail, Instant raisedAt) {
    }

    /**
     * {@code pickup} is the first (or only) pickup; {@code pickups} every place the carrier collects
     * at, in parcel order, for an order with lines from several producers.
     */
    public static ShipmentView of(ShipmentDetails details, boolean showDeliveryCode) {
        Shipment s = details.shipment();
        Pickup first = pickup(s.pickup);
        List<Parcel> parcels = s.parcels.stream()
                .map(p -> new Parcel(p.description, p.grams, p.hasOwnPickup() ? pickup(p.pickup) : first)).toList();
        return new ShipmentView(s.id, s.orderId, s.orderRef, s.status, s.status.next(), first,
                java.util.stream.Stream.concat(java.util.stream.Stream.of(first), parcels.stream().map(Parcel::pickup))
                        .distinct().toList(),
                new Destination(s.recipient, s.recipientPhone, s.country, s.destinationProvince, s.destinationCommune,
                        s.street, s.postalCode),
                parcels,
                s.totalGrams(), s.codAmount,
                s.coldChain ? new ColdChain(s.minCelsius, s.maxCelsius) : null,
                s.export,
                details.checklist().stream().map(ShipmentView::check).toList(),
                s.deliverBy,
                showDeliveryCode ? s.deliveryCode : null,
                s.carrierId, s.assignedAt, s.pickedUpAt, s.deliveredAt, s.lastLocation,
                s.receivedBy == null ? null : new Delivery(s.receivedBy, s.deliveredAt, s.proofPhotoRef),
                s.cashCollected, s.codMismatch, s.temperatureBreached,
                details.alerts().stream().map(a -> new Alert(a.kind, a.detail, a.raisedAt)).toList(),
                s.createdAt);
    }

    private static Pickup pickup(io.agrilink.logistics.Pickup at) {
        return new Pickup(at.producerId(), at.producerName(), at.province(), at.commune(), at.phone());
    }

    private static Check check(ChecklistItem item) {
        return new Check(item.requirement.name(), item.requirement.label, item.done, item.documentRef, item.tickedBy,
                item.tickedAt);
    }
}
