package io.agrilink.web.carrier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.client.Page;
import io.agrilink.web.client.UserToken;

/**
 * logistics-service as the carrier and staff shipment pages call it, with the signed-in person's
 * token: the service decides what each may see and do.
 */
@RegisterRestClient(configKey = "logistics")
@RegisterClientHeaders(UserToken.class)
@Consumes(MediaType.APPLICATION_JSON)
public interface CarrierLogisticsClient {

    @GET
    @Path("/carriers/me")
    CarrierAccount me();

    @GET
    @Path("/shipments/open")
    Page<Shipment> open(@QueryParam("size") int size);

    @GET
    @Path("/shipments/mine")
    Page<Shipment> mine(@QueryParam("size") int size);

    @GET
    @Path("/shipments/{id}")
    Shipment shipment(@PathParam("id") long id);

    @GET
    @Path("/shipments/{id}/tracking")
    Tracking tracking(@PathParam("id") long id);

    /** No body; declared JSON like every call here (the service's resource consumes JSON). */
    @POST
    @Path("/shipments/{id}/accept")
    @ClientHeaderParam(name = "Content-Type", value = MediaType.APPLICATION_JSON)
    Shipment accept(@PathParam("id") long id);

    @POST
    @Path("/shipments/{id}/events")
    Shipment report(@PathParam("id") long id, Step step);

    @POST
    @Path("/shipments/{id}/temperatures")
    void recordTemperature(@PathParam("id") long id, Reading reading);

    @PUT
    @Path("/shipments/{id}/checklist/{requirement}")
    Shipment tick(@PathParam("id") long id, @PathParam("requirement") String requirement, Tick tick);

    @GET
    @Path("/shipments/at-risk")
    Page<Shipment> atRisk(@QueryParam("withinHours") int withinHours, @QueryParam("size") int size);

    /** A tracking step; {@code proof} and {@code cashCollected} for DELIVERED only. */
    record Step(String status, String location, String reason, Proof proof, Long cashCollected) {
    }

    record Proof(String recipientName, String deliveryCode) {
    }

    /** A reading in °C: the form asks for Celsius only. */
    record Reading(double value, String unit) {
    }

    record Tick(String documentRef) {
    }
}
