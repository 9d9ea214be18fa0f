package io.agrilink.logistics.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.agrilink.logistics.Capability;
import io.agrilink.logistics.Carrier;

/** Request and response bodies of {@code /carriers}. */
public final class CarrierRequests {

    private CarrierRequests() {
    }

    /**
     * A logistics firm to register. {@code provinces} takes current or former names; with
     * {@code nationwide} it serves all 34 provinces and {@code provinces} may be left out.
     */
    public record NewCarrier(
            @NotBlank @Size(max = 200) String subject,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 40) List<@NotBlank @Size(max = 100) String> provinces,
            Boolean nationwide,
            @Size(max = 3) Set<@NotNull Capability> capabilities,
            @NotNull @Positive @Max(100_000) Integer dailyCapacity) {
    }

    public record CarrierView(long id, String subject, String name, List<String> provinces,
            Set<Capability> capabilities, int dailyCapacity, Instant createdAt) {

        public static CarrierView of(Carrier carrier) {
            return new CarrierView(carrier.id, carrier.subject, carrier.name, List.copyOf(carrier.provinces),
                    Set.copyOf(carrier.capabilities), carrier.dailyCapacity, carrier.createdAt);
        }
    }

    /** On-time delivery of a carrier: delivered before the shipment's deliver-by. */
    public record PerformanceView(long carrierId, String carrierName, long delivered, long deliveredOnTime,
            Double onTimeRate) {
    }
}
