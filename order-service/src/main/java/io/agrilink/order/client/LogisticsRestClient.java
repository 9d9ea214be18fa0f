package io.agrilink.order.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.agrilink.platform.security.ServiceAuthorization;

/** logistics-service's shipment API, as agreed in the contract (idempotent on orderId). */
@RegisterRestClient(configKey = "logistics")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface LogisticsRestClient {

    @POST
    Shipment create(NewShipment shipment);

    /** Idempotent on orderId; 409 once the carrier picked the shipment up. */
    @POST
    @Path("/withdrawals")
    Withdrawn withdraw(Withdrawal withdrawal);

    record NewShipment(long orderId, String orderRef, Pickup pickup, Destination destination, List<Parcel> parcels,
            long codAmount, ColdChain coldChain, Instant deliverBy) {
    }

    record Pickup(Long producerId, String producerName, String province, String commune, String phone) {
    }

    record Destination(String recipient, String phone, String country, String province, String commune,
            String street, String postalCode) {
    }

    /** {@code pickup}: the producer this parcel is collected at (orders with lines from several producers). */
    record Parcel(String description, long grams, Pickup pickup) {
    }

    record ColdChain(int minCelsius, int maxCelsius) {
    }

    record Withdrawal(long orderId, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Withdrawn(long orderId, Long shipmentId, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Shipment(Long id, Long orderId, String status, String deliveryCode) {
    }
}
