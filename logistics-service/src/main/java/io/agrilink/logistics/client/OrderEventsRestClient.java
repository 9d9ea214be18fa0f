package io.agrilink.logistics.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.platform.security.ServiceAuthorization;

/** order-service's endpoint for shipment status events (role {@code service}). */
@RegisterRestClient(configKey = "order")
@RegisterClientHeaders(ServiceAuthorization.class)
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OrderEventsRestClient {

    @POST
    @Path("/{orderId}/shipment-events")
    void send(@PathParam("orderId") long orderId, ShipmentStatusEvent event);
}
