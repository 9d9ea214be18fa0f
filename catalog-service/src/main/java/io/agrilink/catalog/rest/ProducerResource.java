package io.agrilink.catalog.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agrilink.catalog.Producer;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.vn.Provinces;

@Path("/producers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProducerResource {

    public record NewProducer(@NotBlank @Size(max = 200) String name, @NotNull Producer.Kind kind,
            @NotBlank String province) {
    }

    @POST
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Transactional
    public Response create(@Valid @NotNull NewProducer request) {
        Producer producer = new Producer();
        producer.name = request.name();
        producer.kind = request.kind();
        producer.province = Provinces.resolve(request.province())
                .orElseThrow(() -> ProblemException.invalid("province", "is not one of the 34 provinces"))
                .province();
        producer.persist();
        return Response.created(URI.create("/producers/" + producer.id)).entity(producer).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Producer get(@PathParam("id") long id) {
        return Producer.<Producer> findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Producer", id));
    }
}
