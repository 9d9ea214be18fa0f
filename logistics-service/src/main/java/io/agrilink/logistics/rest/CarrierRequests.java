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
import io.agrilink.logistics.CarrierEvent;
import io.agrilink.logistics.service.CarrierPerformance;
import io.agrilink.logistics.service.NewCarrier;

/** Request and response bodies of {@code /carriers}. */
public final class CarrierRequests {

    private CarrierRequests() {
    }

    /**
     * A logistics firm to register. {@code provinces} takes current or former names; with
     * {@code nationwide} it serves all 34 provinces and {@code provinces} may be left out.
     */
    public record CarrierRequest(
            @NotBlank @Size(max = 200) String subject,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 40) List<@NotBlank @Size(max = 100) String> provinces,
            Boolean nationwide,
            @Size(max = 3) Set<@NotNull Capability> capabilities,
            @NotNull @Positive @Max(100_000) Integer dailyCapacity) {

        NewCarrier toNewCarrier() {
            return new NewCarrier(subject, name, provinces, Boolean.TRUE.equals(nationwide), capabilities, dailyCapacity);
        }
    }

    /** {@code suspendedAt} and {@code suspensionReason} are set while the carrier is suspended. */
    public record CarrierView(long id, String subject, String name, List<String> provinces,
            Set<Capability> capabilities, int dailyCapacity, Instant createdAt, Instant suspendedAt,
            String suspensionReason) {

        public static CarrierView of(Carrier carrier) {
            return new CarrierView(carrier.id, carrier.subject, carrier.name, List.copyOf(carrier.provinces),
                    Set.copyOf(carrier.capabilities), carrier.dailyCapacity, carrier.createdAt, carrier.suspendedAt,
                    carrier.suspensionReason);
        }
    }

    /** Why staff suspend or reinstate a carrier, for its audit trail. */
    public record SuspensionRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** A carrier after a suspension or reinstatement, with the shipments it still holds (they go on to delivery). */
    public record SuspensionView(CarrierView carrier, List<Long> heldShipments) {
    }

    /** One line of a carrier's audit trail. */
    public record CarrierEventView(CarrierEvent.Action action, String reason, String actor, Instant at) {

        public static CarrierEventView of(CarrierEvent event) {
            return new CarrierEventView(event.action, event.reason, event.actor, event.at);
        }
    }

    /** On-time delivery of a carrier: delivered before the shipment's deliver-by. */
    public record PerformanceView(long carrierId, String carrierName, long delivered, long deliveredOnTime,
            Double onTimeRate) {

        public static PerformanceView of(CarrierPerformance p) {
            return new PerformanceView(p.carrierId(), p.carrierName(), p.delivered(), p.deliveredOnTime(), p.onTimeRate());
        }
    }
}
