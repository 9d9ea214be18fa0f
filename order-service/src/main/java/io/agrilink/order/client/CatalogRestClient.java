package io.agrilink.order.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.agrilink.platform.security.ServiceAuthorization;

/** catalog-service's stock reservation API, as agreed in the contract; called with this service's own token. */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogRestClient {

    @POST
    @Path("/reservation-batches")
    BatchResult reserveBatch(Batch batch);

    @POST
    @Path("/reservations/{orderRef}/confirm")
    Reservation confirm(@PathParam("orderRef") String orderRef);

    @POST
    @Path("/confirmations")
    ConfirmationResults confirmAll(Confirmations confirmations);

    @DELETE
    @Path("/reservations/{orderRef}")
    void release(@PathParam("orderRef") String orderRef);

    record Confirmations(List<String> orderRefs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfirmationResults(List<ConfirmationResult> results) {
    }

    /** One reference's outcome: {@code status} 200 (confirmed), 404 (unknown) or 409 (released or expired). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfirmationResult(String orderRef, int status, String reservationStatus, Map<String, Object> problem) {
    }

    record Batch(List<Request> reservations) {
    }

    record Request(String orderRef, String buyer, long ttlSeconds, List<RequestLine> lines) {
    }

    record RequestLine(long lotId, long grams) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BatchResult(List<Result> results) {
    }

    /** One reservation's outcome: {@code status} 201/200 with the reservation, or 404/409/400 with the problem. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(String orderRef, int status, Reservation reservation, Map<String, Object> problem) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reservation(String orderRef, String status, Instant expiresAt, List<ReservedLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReservedLine(long lotId, long grams, Long productId, String productName, Long producerId,
            String producerName, List<String> farmers, String province, String commune, String phone,
            String growingAreaCode, long unitPricePerKg, Long campaignId, LocalDate harvestDate,
            LocalDate bestBefore, Boolean coldChain, Integer minCelsius, Integer maxCelsius) {
    }
}
