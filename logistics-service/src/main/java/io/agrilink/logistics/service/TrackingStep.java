package io.agrilink.logistics.service;

import java.time.Instant;

import io.agrilink.logistics.Shipment;

/**
 * A carrier's next step, as {@link TrackingService#report} takes it. {@code reason} is needed for
 * FAILED_ATTEMPT, {@code proof} for DELIVERED; {@code cashCollected} when there is cash on delivery.
 */
public record TrackingStep(Shipment.Status status, String location, String note, String reason, Proof proof,
        Long cashCollected) {

    /** {@code receivedAt} null: now. */
    public record Proof(String recipientName, Instant receivedAt, String photoRef, String deliveryCode) {
    }
}
