package io.agrilink.catalog.rest;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agrilink.catalog.config.CatalogConfig;
import io.agrilink.catalog.service.ReservationView;
import io.agrilink.catalog.service.StockOutcome;
import io.agrilink.catalog.service.StockRequest;
import io.agrilink.catalog.service.StockService;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.problem.ProblemMappers;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.web.InterService;

/** Stock reservations for order-service: hold, confirm, release; idempotent on the order reference. */
@Path("/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

    public record ReservationRequest(
            @NotBlank @Size(max = 100) String orderRef,
            @NotBlank @Size(max = 100) String buyer,
            @Positive Integer ttlSeconds,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid LineRequest> lines) {
    }

    public record LineRequest(@NotNull Long lotId, @NotNull @Positive Long grams) {
    }

    public record BatchRequest(@NotNull @Size(min = 1, max = 1000) List<ReservationRequest> reservations) {
    }

    /** One reservation of a batch: {@code status} is what the single endpoint would have answered. */
    public record BatchResult(String orderRef, int status, ReservationView reservation, Problem problem) {
    }

    public record BatchResponse(List<BatchResult> results) {
    }

    public record ConfirmationRequest(@NotNull @Size(min = 1, max = 1000) List<@NotBlank @Size(max = 100) String> orderRefs) {
    }

    /** One reference of a confirmation batch: {@code status} is what the single confirm would have answered. */
    public record ConfirmationResult(String orderRef, int status, String reservationStatus, Problem problem) {
    }

    public record ConfirmationResponse(List<ConfirmationResult> results) {
    }

    @Inject
    StockService stock;

    @Inject
    Validator validator;

    @Inject
    CatalogConfig config;

    @POST
    @Path("/reservations")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Hold grams of lots for an order", description = "All lines or none. The same orderRef "
            + "again returns the existing reservation (200) and holds nothing more. The unit price is the campaign "
            + "price while a campaign with the lot runs.")
    @APIResponse(responseCode = "201", description = "Held until expiresAt",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "200", description = "This orderRef was already reserved: the existing reservation",
            content = @Content(schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (zero grams, ttl ...)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    @APIResponse(responseCode = "404", description = "Unknown lot (lotId)")
    @APIResponse(responseCode = "409", description = "Not enough left (lotId, gramsLeft) or per-buyer campaign limit (limitGrams, gramsLeft)")
    public Response reserve(@Valid @NotNull ReservationRequest request) {
        StockOutcome outcome = stock.reserve(toStockRequest(request));
        if (!outcome.succeeded()) {
            throw outcome.problem();
        }
        Response.ResponseBuilder response = outcome.status() == 201
                ? Response.created(location(request.orderRef()))
                : Response.ok();
        return response.entity(outcome.reservation()).build();
    }

    @POST
    @Path("/reservation-batches")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Hold many reservations in one call", description = "Each is decided as by POST "
            + "/stock/reservations; reservations of the same lots are applied in one transaction.")
    @APIResponse(responseCode = "200", description = "One result per reservation, in order")
    @APIResponse(responseCode = "400", description = "No reservations, or more than 1000")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    public BatchResponse reserveBatch(@Valid @NotNull BatchRequest batch) {
        List<BatchResult> results = new ArrayList<>();
        List<StockRequest> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (ReservationRequest request : batch.reservations()) {
            try {
                valid.add(toStockRequest(validated(request)));
                positions.add(results.size());
                results.add(null);
            } catch (ProblemException e) {
                results.add(new BatchResult(request == null ? null : request.orderRef(), e.status(), null,
                        ProblemMappers.problemOf(e, "/stock/reservation-batches")));
            }
        }
        List<StockOutcome> outcomes = valid.isEmpty() ? List.of() : stock.reserveAll(valid);
        for (int i = 0; i < outcomes.size(); i++) {
            StockOutcome o = outcomes.get(i);
            results.set(positions.get(i), new BatchResult(o.orderRef(), o.status(), o.reservation(),
                    o.problem() == null ? null : ProblemMappers.problemOf(o.problem(), "/stock/reservation-batches")));
        }
        return new BatchResponse(results);
    }

    @GET
    @Path("/reservations/{orderRef}")
    @RolesAllowed({ Roles.SERVICE, Roles.STAFF })
    @Operation(summary = "A reservation")
    @APIResponse(responseCode = "200", description = "The reservation")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither service nor staff")
    @APIResponse(responseCode = "404", description = "No reservation with this orderRef")
    public ReservationView get(@PathParam("orderRef") String orderRef) {
        return stock.find(orderRef).orElseThrow(() -> ProblemException.notFound("Reservation", orderRef));
    }

    @POST
    @Path("/reservations/{orderRef}/confirm")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Confirm a held reservation (the order is paid or accepted)", description = "Idempotent. "
            + "An expired reservation is confirmed if every lot still has its grams (taken again); a released one never.")
    @APIResponse(responseCode = "200", description = "Confirmed")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    @APIResponse(responseCode = "404", description = "No reservation with this orderRef")
    @APIResponse(responseCode = "409", description = "Released, or expired and its grams sold meanwhile (lotId, gramsLeft)")
    public ReservationView confirm(@PathParam("orderRef") String orderRef) {
        return stock.confirm(orderRef);
    }

    @POST
    @Path("/confirmations")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Confirm many held reservations in one call", description = "Each is decided as by POST "
            + "/stock/reservations/{orderRef}/confirm (idempotent), all in one transaction; the results carry the "
            + "reservation's status, not the whole reservation.")
    @APIResponse(responseCode = "200", description = "One result per reference, in order: 200, 404 or 409")
    @APIResponse(responseCode = "400", description = "No references, more than 1000, or a blank one")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    public ConfirmationResponse confirmAll(@Valid @NotNull ConfirmationRequest request) {
        List<String> refs = request.orderRefs().stream().map(String::strip).toList();
        return new ConfirmationResponse(stock.confirmAll(refs).stream()
                .map(c -> new ConfirmationResult(c.orderRef(), c.status(), c.reservationStatus(),
                        c.problem() == null ? null : ProblemMappers.problemOf(c.problem(), "/stock/confirmations")))
                .toList());
    }

    @DELETE
    @Path("/reservations/{orderRef}")
    @Tag(name = InterService.TAG)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Release a reservation, giving its grams back", description = "Idempotent: releasing "
            + "again, or an expired or unknown reservation, changes nothing.")
    @APIResponse(responseCode = "204", description = "Released (or nothing to release)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a service")
    public void release(@PathParam("orderRef") String orderRef) {
        stock.release(orderRef);
    }

    private ReservationRequest validated(ReservationRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "must not be null");
        }
        Set<ConstraintViolation<ReservationRequest>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<Problem.Violation> list = violations.stream()
                .map(v -> new Problem.Violation(ProblemMappers.fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.Violation::field)).toList();
        throw new ProblemException(400, "Invalid request", list.get(0).field() + ": " + list.get(0).message(), list);
    }

    private StockRequest toStockRequest(ReservationRequest request) {
        Duration ttl = request.ttlSeconds() == null ? config.stock().defaultTtl()
                : Duration.ofSeconds(request.ttlSeconds());
        if (ttl.compareTo(config.stock().maxTtl()) > 0) {
            throw ProblemException.invalid("ttlSeconds", "must be at most " + config.stock().maxTtl().toSeconds());
        }
        Set<Long> lots = new HashSet<>();
        List<StockRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            LineRequest line = request.lines().get(i);
            if (!lots.add(line.lotId())) {
                throw ProblemException.invalid("lines[" + i + "].lotId", "lot " + line.lotId() + " is listed twice");
            }
            lines.add(new StockRequest.Line(line.lotId(), line.grams()));
        }
        return new StockRequest(request.orderRef().strip(), request.buyer().strip(), ttl, lines);
    }

    private static URI location(String orderRef) {
        return URI.create("/stock/reservations/" + java.net.URLEncoder.encode(orderRef, java.nio.charset.StandardCharsets.UTF_8));
    }
}
