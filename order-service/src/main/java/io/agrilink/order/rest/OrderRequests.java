package io.agrilink.order.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.OrderEvent;

/** The bodies of the order commands after placement, and the small answers they get. */
public final class OrderRequests {

    private OrderRequests() {
    }

    /** Staff record a bank transfer; the reference is the bank's, for the audit trail. */
    public record Payment(@Size(max = 100) String reference) {
    }

    /** What the farmer packed, line by line, weighed in grams. */
    public record Packing(@NotEmpty @Size(max = 20) List<@Valid @NotNull PackedLine> lines) {
    }

    public record PackedLine(@NotNull @Positive Long lineId, @NotNull @Positive @Max(1_000_000) Long packedGrams) {
    }

    public record Cancellation(@Size(max = 500) String reason) {
    }

    /** logistics-service's shipment status update, as agreed in the contract. */
    public record ShipmentEvent(
            @NotBlank @Size(max = 100) String eventId,
            Long shipmentId,
            @NotNull @Pattern(regexp = "ASSIGNED|PICKED_UP|IN_TRANSIT|OUT_FOR_DELIVERY|DELIVERED|FAILED_ATTEMPT|RETURNED|CANCELLED",
                    message = "must be one of ASSIGNED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, FAILED_ATTEMPT, RETURNED, CANCELLED") String status,
            Instant occurredAt,
            @Size(max = 200) String location,
            @Size(max = 500) String note) {
    }

    /** The answer to a shipment event: where the order stands, and whether this event changed anything. */
    public record ShipmentEventResult(long orderId, CustomerOrder.Status status, boolean applied) {
    }

    /** One entry of the audit trail. */
    public record HistoryEntry(Instant at, String actor, String action, CustomerOrder.Status fromStatus,
            CustomerOrder.Status toStatus, String detail) {

        public static HistoryEntry of(OrderEvent event) {
            return new HistoryEntry(event.at, event.actor, event.action, event.fromStatus, event.toStatus,
                    event.detail);
        }
    }
}
