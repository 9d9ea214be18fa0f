package io.agrilink.logistics.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.TemperatureReading;

/** Request bodies of {@code /shipments}. */
public final class ShipmentRequests {

    private ShipmentRequests() {
    }

    /**
     * The handoff from order-service (contract: logistics ← order). {@code harvestDate} is an
     * optional extra: without {@code deliverBy}, the deadline is the harvest day (or now) plus the
     * shelf life of the load (cold chain or ambient).
     */
    public record NewShipment(
            @NotNull @Positive Long orderId,
            @NotBlank @Size(max = 100) String orderRef,
            @Valid @NotNull Pickup pickup,
            @Valid @NotNull Destination destination,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull ParcelLine> parcels,
            @PositiveOrZero Long codAmount,
            @Valid TemperatureRange coldChain,
            Instant deliverBy,
            LocalDate harvestDate) {
    }

    public record Pickup(
            Long producerId,
            @NotBlank @Size(max = 200) String producerName,
            @NotBlank @Size(max = 100) String province,
            @Size(max = 200) String commune,
            @Size(max = 30) String phone) {
    }

    /** {@code country} is ISO 3166 alpha-2; {@code province} is needed (and only read) for VN. */
    public record Destination(
            @NotBlank @Size(max = 200) String recipient,
            @Size(max = 30) String phone,
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 alpha-2 code such as VN") String country,
            @Size(max = 100) String province,
            @Size(max = 200) String commune,
            @Size(max = 300) String street,
            @Size(max = 20) String postalCode) {
    }

    /** {@code pickup}, optional: where this parcel is collected when it is not the shipment's pickup. */
    public record ParcelLine(
            @NotBlank @Size(max = 200) String description,
            @NotNull @Positive Long grams,
            @Valid Pickup pickup) {
    }

    public record TemperatureRange(
            @NotNull @DecimalMin("-30") @DecimalMax("30") Double minCelsius,
            @NotNull @DecimalMin("-30") @DecimalMax("30") Double maxCelsius) {
    }

    /** A carrier's tracking step. {@code reason} is required for FAILED_ATTEMPT, {@code proof} for DELIVERED. */
    public record TrackingUpdate(
            @NotNull Shipment.Status status,
            @Size(max = 300) String location,
            @Size(max = 500) String note,
            @Size(max = 500) String reason,
            @Valid Proof proof,
            @PositiveOrZero Long cashCollected) {
    }

    public record Proof(
            @NotBlank @Size(max = 200) String recipientName,
            Instant receivedAt,
            @Size(max = 500) String photoRef,
            @NotBlank @Size(max = 12) String deliveryCode) {
    }

    public record NewReading(
            @NotNull @DecimalMin("-100") @DecimalMax("200") Double value,
            @NotNull TemperatureReading.Unit unit,
            Instant recordedAt) {
    }

    public record ChecklistTick(@NotBlank @Size(max = 200) String documentRef) {
    }

    public record Assignment(@NotNull @Positive Long carrierId) {
    }

    public record Decline(@Size(max = 500) String reason) {
    }

    /** Staff cancel a shipment before pickup: why, for the audit trail. */
    public record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    /** order-service withdraws the shipment of a cancelled order. */
    public record Withdrawal(@NotNull @Positive Long orderId, @Size(max = 500) String reason) {
    }
}
