package io.agrilink.web.farmer;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.agrilink.web.client.Page;
import io.agrilink.web.client.UserToken;

/** catalog-service as the farmer's pages call it: as the signed-in farmer (catalog checks ownership). */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(UserToken.class)
public interface FarmerCatalogRestClient {

    /** The producers a farmer owns (catalog keeps owners by username). */
    @GET
    @Path("/producers")
    Page<MyProducer> producersOwnedBy(@QueryParam("owner") String owner, @QueryParam("size") int size);

    @GET
    @Path("/products")
    Page<MyProduct> productsMatching(@QueryParam("q") String q, @QueryParam("province") String province,
            @QueryParam("page") int page, @QueryParam("size") int size, @HeaderParam("Accept-Language") String language);

    @GET
    @Path("/products/{id}/lots")
    List<MyLot> lotsOf(@PathParam("id") long productId);

    @POST
    @Path("/lots")
    @Consumes(MediaType.APPLICATION_JSON)
    MyLot addLot(NewLot lot);
}
