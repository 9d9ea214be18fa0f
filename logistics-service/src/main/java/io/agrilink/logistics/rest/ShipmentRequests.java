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
import io.agrilink.logistics.service.NewReading;
import io.agrilink.logistics.service.NewShipment;
import io.agrilink.logistics.service.TrackingStep;

/** Request bodies of {@code /shipments}, each with its mapping to what the services take. */
public final class ShipmentRequests {

    private ShipmentRequests() {
    }

    /**
     * The handoff from order-service (contract: logistics ← order). {@code harvestDate} is an
     * optional extra: without {@code deliverBy}, the deadline is the harvest day (or now) plus the
     * shelf life of the load (cold chain or ambient).
     */
    public record ShipmentRequest(
            @NotNull @Positive Long orderId,
            @NotBlank @Size(max = 100) String orderRef,
            @Valid @NotNull PickupRequest pickup,
            @Valid @NotNull DestinationRequest destination,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull ParcelRequest> parcels,
            @PositiveOrZero Long codAmount,
            @Valid TemperatureRangeRequest coldChain,
            Instant deliverBy,
            LocalDate harvestDate) {

        NewShipment toNewShipment() {
            return new NewShipment(orderId, orderRef, pickup.toPlace(), destination.toDestination(),
                    parcels.stream().map(ParcelRequest::toLine).toList(), codAmount,
                    coldChain == null ? null : new NewShipment.ColdChain(coldChain.minCelsius, coldChain.maxCelsius),
                    deliverBy, harvestDate);
        }
    }

    public record PickupRequest(
            Long producerId,
            @NotBlank @Size(max = 200) String producerName,
            @NotBlank @Size(max = 100) String province,
            @Size(max = 200) String commune,
            @Size(max = 30) String phone) {

        NewShipment.Place toPlace() {
            return new NewShipment.Place(producerId, producerName, province, commune, phone);
        }
    }

    /** {@code country} is ISO 3166 alpha-2; {@code province} is needed (and only read) for VN. */
    public record DestinationRequest(
            @NotBlank @Size(max = 200) String recipient,
            @Size(max = 30) String phone,
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 alpha-2 code such as VN") String country,
            @Size(max = 100) String province,
            @Size(max = 200) String commune,
            @Size(max = 300) String street,
            @Size(max = 20) String postalCode) {

        NewShipment.Destination toDestination() {
            return new NewShipment.Destination(recipient, phone, country, province, commune, street, postalCode);
        }
    }

    /** {@code pickup}, optional: where this parcel is collected when it is not the shipment's pickup. */
    public record ParcelRequest(
            @NotBlank @Size(max = 200) String description,
            @NotNull @Positive Long grams,
            @Valid PickupRequest pickup) {

        NewShipment.Line toLine() {
            return new NewShipment.Line(description, grams, pickup == null ? null : pickup.toPlace());
        }
    }

    public record TemperatureRangeRequest(
            @NotNull @DecimalMin("-30") @DecimalMax("30") Double minCelsius,
            @NotNull @DecimalMin("-30") @DecimalMax("30") Double maxCelsius) {
    }

    /** A carrier's tracking step. {@code reason} is required for FAILED_ATTEMPT, {@code proof} for DELIVERED. */
    public record TrackingUpdateRequest(
            @NotNull Shipment.Status status,
            @Size(max = 300) String location,
            @Size(max = 500) String note,
            @Size(max = 500) String reason,
            @Valid ProofRequest proof,
            @PositiveOrZero Long cashCollected) {

        TrackingStep toStep() {
            return new TrackingStep(status, location, note, reason,
                    proof == null ? null
                            : new TrackingStep.Proof(proof.recipientName, proof.receivedAt, proof.photoRef,
                                    proof.deliveryCode),
                    cashCollected);
        }
    }

    public record ProofRequest(
            @NotBlank @Size(max = 200) String recipientName,
            Instant receivedAt,
            @Size(max = 500) String photoRef,
            @NotBlank @Size(max = 12) String deliveryCode) {
    }

    public record ReadingRequest(
            @NotNull @DecimalMin("-100") @DecimalMax("200") Double value,
            @NotNull TemperatureReading.Unit unit,
            Instant recordedAt) {

        NewReading toNewReading() {
            return new NewReading(value, unit, recordedAt);
        }
    }

    public record ChecklistTickRequest(@NotBlank @Size(max = 200) String documentRef) {
    }

    public record AssignmentRequest(@NotNull @Positive Long carrierId) {
    }

    public record DeclineRequest(@Size(max = 500) String reason) {
    }

    /** Staff cancel a shipment before pickup: why, for the audit trail. */
    public record CancellationRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** order-service withdraws the shipment of a cancelled order. */
    public record WithdrawalRequest(@NotNull @Positive Long orderId, @Size(max = 500) String reason) {
    }
}
