package io.agrilink.training.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.training.service.FunnelService;

@Path("/reports/funnel")
public class FunnelResource {

    /** The default period: the last 90 days, today included. */
    static final int DEFAULT_DAYS = 90;

    @Inject
    FunnelService funnels;

    @Inject
    AgriLinkTime time;

    @GET
    @RolesAllowed(Roles.STAFF)
    @Produces({ MediaType.APPLICATION_JSON, FunnelCsv.MEDIA_TYPE })
    @Operation(summary = "The training-to-selling funnel by course, commune or team: enrolled, attended, certified, "
            + "listed a product, hosted a livestream, first sale, revenue (catalog-service and order-service), "
            + "with conversions; CSV with Accept: text/csv or format=csv")
    @APIResponse(responseCode = "200", description = "The funnel; sources says which service did not answer "
            + "(the steps it feeds are null)", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunnelService.Funnel.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "by, format, from or to is not valid, from is after to, or the "
            + "period is longer than 2 years")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not staff")
    public Response funnel(
            @Parameter(description = "course (default), commune or team") @QueryParam("by") String by,
            @Parameter(description = "first day, inclusive (default 89 days before to)") @QueryParam("from") String from,
            @Parameter(description = "last day, inclusive (default today)") @QueryParam("to") String to,
            @Parameter(description = "csv, or json (default: as Accept asks)") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        FunnelService.By grouping = by(by);
        boolean csv = csv(format, headers);
        LocalDate last = to == null ? LocalDate.now(time.zone()) : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "must not be after to (" + last + ")");
        }
        if (!last.isBefore(first.plusYears(2))) {
            throw ProblemException.invalid("to", "the period may be at most 2 years long");
        }
        FunnelService.Funnel funnel = funnels.funnel(grouping, first, last);
        if (csv) {
            return Response.ok(FunnelCsv.of(funnel), FunnelCsv.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + FunnelCsv.filename(funnel) + "\"")
                    .build();
        }
        return Response.ok(funnel, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static FunnelService.By by(String by) {
        if (by == null) {
            return FunnelService.By.COURSE;
        }
        for (FunnelService.By b : FunnelService.By.values()) {
            if (b.param().equals(by.toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw ProblemException.invalid("by", "must be course, commune or team");
    }

    /** format wins; else the first of JSON and CSV that Accept names, JSON when it names neither. */
    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalid("format", "must be csv or json");
            };
        }
        MediaType csv = MediaType.valueOf("text/csv");
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return false;
            }
            if (accepted.isCompatible(csv)) {
                return true;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 date (2026-06-01)");
        }
    }
}
