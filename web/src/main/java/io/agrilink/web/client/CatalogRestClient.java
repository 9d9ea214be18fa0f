package io.agrilink.web.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-service's public endpoints (no token: anyone may read them). */
@RegisterRestClient(configKey = "catalog")
public interface CatalogRestClient {

    @GET
    @Path("/campaigns")
    Page<Campaign> campaigns(@QueryParam("running") boolean running, @QueryParam("size") int size,
            @HeaderParam("Accept-Language") String language);

    @GET
    @Path("/campaigns/{id}")
    Campaign campaign(@PathParam("id") long id, @HeaderParam("Accept-Language") String language);

    @GET
    @Path("/products")
    Page<Product> search(@QueryParam("q") String q, @QueryParam("province") String province,
            @QueryParam("certification") String certification, @QueryParam("ocopStars") Integer ocopStars,
            @QueryParam("page") int page, @QueryParam("size") int size, @HeaderParam("Accept-Language") String language);

    @GET
    @Path("/products/{id}")
    Product product(@PathParam("id") long id, @HeaderParam("Accept-Language") String language);

    @GET
    @Path("/products/{id}/lots")
    List<Lot> lots(@PathParam("id") long id);

    @GET
    @Path("/producers/{id}")
    Producer producer(@PathParam("id") long id);
}
