package io.agrilink.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where a carrier collects goods: the producer and its address. */
@Embeddable
public record Pickup(
        Long producerId,
        String producerName,
        @Column(name = "pickup_province") String province,
        @Column(name = "pickup_commune") String commune,
        @Column(name = "pickup_phone") String phone) {
}
