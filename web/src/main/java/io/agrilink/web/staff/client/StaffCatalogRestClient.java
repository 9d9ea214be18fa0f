package io.agrilink.web.staff.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.client.Campaign;
import io.agrilink.web.client.Page;
import io.agrilink.web.client.UserToken;

/** catalog-service as staff use it, with the staff member's own token (catalog decides what they may do). */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(UserToken.class)
public interface StaffCatalogRestClient {

    @GET
    @Path("/producers")
    Page<StaffProducer> producers(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/producers/{id}")
    StaffProducer producer(@PathParam("id") long id);

    @PUT
    @Path("/producers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    StaffProducer replaceProducer(@PathParam("id") long id, StaffProducer.Replacement producer);

    @POST
    @Path("/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    NewAccount.Created register(NewAccount account);

    @GET
    @Path("/campaigns")
    Page<Campaign> campaigns(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/campaigns/{id}")
    Campaign campaign(@PathParam("id") long id);

    @POST
    @Path("/campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    Campaign create(NewCampaign campaign);
}
