package io.agrilink.catalog.rest;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.web.Page;
import io.agrilink.catalog.Producer;
import io.agrilink.catalog.service.ProducerService;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.vn.Provinces;

@Path("/producers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProducerResource {

    @Inject
    ProducerService producers;

    @POST
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "Register a producer", description = "A farmer becomes its owner; staff name the owners. "
            + "A former province name (Bắc Giang) is stored as the current province (Bắc Ninh).")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Invalid field (province, phone, dates ...)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither staff nor farmer")
    public Response create(@Valid @NotNull ProducerRequest input) {
        Producer producer = producers.get(producers.create(input.toDetails()).id);
        return Response.created(URI.create("/producers/" + producer.id))
                .entity(ProducerView.from(producer, producers.livestreamReady(producer))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "Replace a producer's details", description = "Its owners or staff; only staff change the owners")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an owner of this producer")
    @APIResponse(responseCode = "404", description = "No such producer")
    public ProducerView update(@PathParam("id") long id, @Valid @NotNull ProducerRequest input) {
        producers.update(id, input.toDetails());
        Producer producer = producers.get(id);
        return ProducerView.from(producer, producers.livestreamReady(producer));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A producer")
    @APIResponse(responseCode = "200", description = "The producer")
    @APIResponse(responseCode = "404", description = "No such producer")
    public ProducerView get(@PathParam("id") long id) {
        Producer producer = producers.get(id);
        return ProducerView.from(producer, producers.livestreamReady(producer));
    }

    @GET
    @PermitAll
    @Operation(summary = "Producers, by name", description = "Optionally in one province or owned by one farmer")
    @APIResponse(responseCode = "200", description = "One page of producers")
    @APIResponse(responseCode = "400", description = "Unknown province or bad paging")
    public Page<ProducerView> list(@QueryParam("province") @Size(max = 60) String province,
            @QueryParam("owner") @Size(max = 100) String owner,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String current = province == null ? null
                : Provinces.resolve(province).orElseThrow(
                        () -> ProblemException.invalid("province", "is not one of the 34 provinces of Vietnam")).province();
        List<Producer> found = producers.list(current, owner, page, size);
        Set<Long> ready = producers.livestreamReady(found);
        return new Page<>(found.stream().map(p -> ProducerView.from(p, ready.contains(p.id))).toList(), page, size,
                producers.count(current, owner));
    }
}
