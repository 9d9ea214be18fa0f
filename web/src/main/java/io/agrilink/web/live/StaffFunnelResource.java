package io.agrilink.web.live;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.agrilink.web.Formats;
import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.staff.Chart;
import io.agrilink.web.staff.Outcome;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The funnel from training to sales (training-service's report): by commune, team or course over a
 * period, each group's steps as bars with the conversion of each step, which services answered, and
 * the same report as CSV, fetched by the web app with the staff member's token and passed through.
 */
@Path("/staff")
@RolesAllowed("staff")
public class StaffFunnelResource {

    private static final Logger LOG = Logger.getLogger(StaffFunnelResource.class);
    static final List<String> BY = List.of("course", "commune", "team");

    @Inject
    LiveServices services;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("live/staff-funnel.html")
    Template funnel;

    @Location("error.html")
    Template error;

    /** One step of a group as the page shows it: how many farmers, and of the step before. */
    public record Step(String step, Long farmers, Double conversion, boolean first) {
    }

    /** A group with its chart and its steps. */
    public record Shown(Funnel.Group group, Chart chart, List<Step> steps) {
    }

    @GET
    @Path("funnel")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response funnel(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to) {
        LiveMessages say = LiveForms.text(visitor.locale());
        String grouping = by != null && BY.contains(by) ? by : "course";
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("by", grouping);
        typed.put("from", LiveForms.blank(from));
        typed.put("to", LiveForms.blank(to));
        FormErrors errors = FormErrors.none();
        LocalDate start = LiveForms.date(from, "from", errors, say);
        LocalDate end = LiveForms.date(to, "to", errors, say);
        if (start != null && end != null && end.isBefore(start)) {
            errors.field("to", say.funnel_toBeforeFrom());
        }
        if (errors.any()) {
            return LiveForms.page(400, page(null, typed, errors, false));
        }
        Outcome<Funnel> read = Outcome.of(() -> services.funnelClient().funnel(grouping, text(start), text(end)));
        if (read.down()) {
            return LiveForms.page(200, page(null, typed, FormErrors.none(), true));
        }
        if (!read.done()) {
            return LiveForms.page(read.problem().status(), page(null, typed, read.errors(visitor.locale(), f -> f), false));
        }
        Funnel answered = read.value();
        if (start == null && answered.from() != null) {
            typed.put("from", answered.from().toString());
        }
        if (end == null && answered.to() != null) {
            typed.put("to", answered.to().toString());
        }
        return LiveForms.page(200, page(answered, typed, FormErrors.none(), false));
    }

    /**
     * The CSV, as training-service wrote it: its bytes, type and file name passed through, never cached.
     * Refused or not answered: the error page in words.
     */
    @GET
    @Path("funnel.csv")
    public Response csv(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to) {
        String grouping = by != null && BY.contains(by) ? by : "course";
        FormErrors errors = FormErrors.none();
        LiveMessages say = LiveForms.text(visitor.locale());
        LocalDate start = LiveForms.date(from, "from", errors, say);
        LocalDate end = LiveForms.date(to, "to", errors, say);
        if (errors.any()) {
            return errorPage(400, "error");
        }
        Response answered;
        try {
            answered = services.funnelClient().csv(grouping, text(start), text(end), "csv");
        } catch (WebApplicationException refused) {
            answered = refused.getResponse();
        } catch (ProcessingException unreachable) {
            LOG.warnf("training-service did not answer the funnel's CSV: %s", unreachable.getMessage());
            return errorPage(503, "error");
        }
        try (Response answer = answered) {
            int status = answer.getStatus();
            if (status >= 500) {
                LOG.warnf("training-service answered the funnel's CSV with %d", status);
                return errorPage(502, "error");
            }
            if (status == 401 || status == 403) {
                return errorPage(403, "forbidden");
            }
            if (status >= 400) {
                return errorPage(status, "error");
            }
            byte[] bytes = answer.readEntity(byte[].class);
            CacheControl never = new CacheControl();
            never.setNoStore(true);
            Response.ResponseBuilder passed = Response.ok(bytes)
                    .type(answer.getMediaType() == null ? "text/csv; charset=UTF-8" : answer.getMediaType().toString())
                    .cacheControl(never);
            String disposition = answer.getHeaderString("Content-Disposition");
            passed.header("Content-Disposition", disposition != null ? disposition
                    : "attachment; filename=\"funnel-" + grouping + ".csv\"");
            return passed.build();
        }
    }

    private Response errorPage(int status, String what) {
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .entity(pages.of(error).data("what", what).render()).build();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private TemplateInstance page(Funnel answered, Map<String, String> typed, FormErrors errors, boolean down) {
        List<Shown> groups = new ArrayList<>();
        if (answered != null) {
            answered.groups().forEach(g -> groups.add(shown(g)));
        }
        StringBuilder csv = new StringBuilder("/staff/funnel.csv?by=").append(typed.get("by"));
        if (!typed.get("from").isEmpty() && !errors.has("from")) {
            csv.append("&from=").append(typed.get("from"));
        }
        if (!typed.get("to").isEmpty() && !errors.has("to")) {
            csv.append("&to=").append(typed.get("to"));
        }
        return pages.of(funnel).data("funnel", answered).data("groups", groups)
                .data("total", answered == null || answered.total() == null ? null : shown(answered.total()))
                .data("unavailable", answered == null ? Map.of() : answered.unavailable()).data("form", typed)
                .data("byChoices", BY).data("csv", csv.toString()).data("errors", errors).data("down", down);
    }

    private Shown shown(Funnel.Group group) {
        LiveMessages say = LiveForms.text(visitor.locale());
        List<Step> steps = new ArrayList<>();
        for (String step : Funnel.STEPS) {
            steps.add(new Step(step, group.step(step), group.conversion(step), steps.isEmpty()));
        }
        Chart chart = Chart.rows(steps, s -> say.step(s.step()), s -> s.farmers() == null ? 0 : s.farmers(),
                s -> (s.farmers() == null ? "–" : String.valueOf(s.farmers()))
                        + (s.first() ? "" : " · " + Formats.percent(s.conversion())));
        return new Shown(group, chart, steps);
    }
}
