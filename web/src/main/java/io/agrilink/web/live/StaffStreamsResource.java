package io.agrilink.web.live;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Campaign;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.staff.Chart;
import io.agrilink.web.staff.Outcome;
import io.agrilink.web.staff.client.StaffClients;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Staff's livestreams: by state, a new one scheduled (campaign, featured lots, hosts), go live, end,
 * cancel with a reason, and each stream's results with charts drawn on the server.
 */
@Path("/staff/streams")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffStreamsResource {

    /** Host rows the form offers: catalog takes 1 to 5. */
    static final int HOST_ROWS = 5;
    static final List<String> STATES = List.of("LIVE", "SCHEDULED", "ENDED", "CANCELLED");
    static final List<String> PLATFORMS = List.of("TIKTOK", "FACEBOOK", "SHOPEE", "YOUTUBE", "ZALO", "OTHER");
    static final List<String> HOST_KINDS = List.of("LEADER", "KOL", "KOC", "FARMER", "TEAM");
    private static final Pattern HOST_FIELD = Pattern.compile("hosts\\[(\\d+)](?:\\.(\\w+))?");

    @Inject
    LiveServices services;

    @Inject
    StaffClients staff;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("live/staff-streams.html")
    Template list;

    @Location("live/staff-stream-form.html")
    Template form;

    @Location("live/staff-stream.html")
    Template detail;

    /** Streams of one state. */
    public record StateGroup(String state, List<Livestream> streams) {
    }

    /** One host row of the form, as typed. */
    public record HostRow(int row, String kind, String name, String subject, String teamId) {

        public int number() {
            return row + 1;
        }

        public String field(String member) {
            return "hosts[" + row + "]." + member;
        }

        public boolean selectsTeam(long id) {
            return teamId.equals(String.valueOf(id));
        }

        boolean blank() {
            return kind.isEmpty() && name.isEmpty() && subject.isEmpty() && teamId.isEmpty();
        }
    }

    /** What staff typed, given back as typed when the form comes back with errors. */
    public record StreamForm(Map<String, String> fields, Set<String> lotIds, List<HostRow> hosts) {

        public String get(String field) {
            return fields.getOrDefault(field, "");
        }

        public boolean selectsCampaign(long id) {
            return get("campaignId").equals(String.valueOf(id));
        }

        public boolean hasLot(long lotId) {
            return lotIds.contains(String.valueOf(lotId));
        }
    }

    @GET
    public TemplateInstance streams() {
        Fetched<List<Livestream>> all = services.livestreams(null);
        List<StateGroup> groups = STATES.stream()
                .map(state -> new StateGroup(state, all.value().stream().filter(s -> state.equals(s.state())).toList()))
                .toList();
        return pages.of(list).data("groups", groups).data("down", all.down());
    }

    @GET
    @Path("new")
    public TemplateInstance newStream() {
        return formPage(new StreamForm(Map.of("platform", "TIKTOK"), Set.of(), rows(null, null, null, null)),
                FormErrors.none(), false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(@RestForm String title, @RestForm String platform, @RestForm String url,
            @RestForm String plannedStart, @RestForm String plannedEnd, @RestForm String campaignId,
            @RestForm List<String> lotIds, @RestForm List<String> hostKind, @RestForm List<String> hostName,
            @RestForm List<String> hostSubject, @RestForm List<String> hostTeam) {
        LiveMessages say = LiveForms.text(visitor.locale());
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", LiveForms.blank(title));
        typed.put("platform", LiveForms.blank(platform));
        typed.put("url", LiveForms.blank(url));
        typed.put("plannedStart", LiveForms.blank(plannedStart));
        typed.put("plannedEnd", LiveForms.blank(plannedEnd));
        typed.put("campaignId", LiveForms.blank(campaignId));
        Set<String> lots = lotIds == null ? Set.of()
                : Set.copyOf(lotIds.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        StreamForm shown = new StreamForm(typed, lots, rows(hostKind, hostName, hostSubject, hostTeam));

        FormErrors errors = FormErrors.none();
        Instant start = LiveForms.instant(plannedStart, "plannedStart", errors, say);
        Instant end = LiveForms.instant(plannedEnd, "plannedEnd", errors, say);
        Long campaign = LiveForms.whole(campaignId, "campaignId", errors, say);
        List<Long> lotList = new ArrayList<>();
        for (String lot : lotIds == null ? List.<String>of() : lotIds) {
            Long id = LiveForms.whole(lot, "lotIds", errors, say);
            if (id != null) {
                lotList.add(id);
            }
        }
        List<NewLivestream.Host> hosts = new ArrayList<>();
        // catalog numbers the hosts it was sent; the form's rows may have blanks between them
        List<Integer> rowOfSent = new ArrayList<>();
        for (HostRow row : shown.hosts()) {
            if (row.blank()) {
                continue;
            }
            hosts.add(new NewLivestream.Host(LiveForms.orNull(row.kind()), LiveForms.orNull(row.name()),
                    LiveForms.orNull(row.subject()), LiveForms.whole(row.teamId(), row.field("teamId"), errors, say)));
            rowOfSent.add(row.row());
        }
        if (hosts.isEmpty()) {
            errors.field("hosts[0].kind", say.stream_hostRequired());
        }
        if (errors.any()) {
            return LiveForms.page(400, formPage(shown, errors, false));
        }
        Outcome<Livestream> created = Outcome.of(() -> services.catalog().schedule(new NewLivestream(
                LiveForms.orNull(title), LiveForms.orNull(platform), LiveForms.orNull(url), start, end, campaign,
                lotList, hosts)));
        if (created.done()) {
            return Response.seeOther(URI.create("/staff/streams/" + created.value().code())).build();
        }
        if (created.down()) {
            return LiveForms.page(503, formPage(shown, FormErrors.none(), true));
        }
        return LiveForms.page(created.problem().status(),
                formPage(shown, created.errors(visitor.locale(), field -> formField(field, rowOfSent)), false));
    }

    /** A stream with its results (order-service) as charts: per minute, by province, by country. */
    @GET
    @Path("{code}")
    public TemplateInstance stream(@PathParam("code") String code, @QueryParam("moved") boolean moved) {
        return detailPage(LiveServices.code(code), FormErrors.none(), "").data("moved", moved);
    }

    @POST
    @Path("{code}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("code") String code) {
        String upper = LiveServices.code(code);
        return moved(upper, Outcome.of(() -> services.catalog().start(upper)), "");
    }

    @POST
    @Path("{code}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("code") String code) {
        String upper = LiveServices.code(code);
        return moved(upper, Outcome.of(() -> services.catalog().end(upper)), "");
    }

    @POST
    @Path("{code}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("code") String code, @RestForm String reason) {
        String upper = LiveServices.code(code);
        String why = LiveForms.blank(reason);
        if (why.isEmpty()) {
            return LiveForms.page(400, detailPage(upper,
                    FormErrors.none().field("reason", LiveForms.text(visitor.locale()).cancel_reasonRequired()), why));
        }
        return moved(upper, Outcome.of(() -> services.catalog().cancel(upper, new LiveCatalogRestClient.Cancellation(why))),
                why);
    }

    private Response moved(String code, Outcome<Livestream> moved, String reason) {
        if (moved.done()) {
            return Response.seeOther(URI.create("/staff/streams/" + code + "?moved=true")).build();
        }
        if (moved.down()) {
            return LiveForms.page(503, detailPage(code, FormErrors.none(), reason).data("down", true));
        }
        FormErrors errors = moved.problem().violations().isEmpty()
                ? FormErrors.none().form(LiveForms.refusal(moved.problem(), visitor.locale()))
                : moved.errors(visitor.locale(), f -> f);
        return LiveForms.page(moved.problem().status(), detailPage(code, errors, reason));
    }

    private TemplateInstance detailPage(String code, FormErrors errors, String reason) {
        Fetched<Livestream> found = services.livestream(code);
        Livestream shown = found.value();
        StreamCounter results = null;
        boolean down = found.down();
        if (shown != null && shown.counted()) {
            Fetched<Optional<StreamCounter>> read = services.results(code);
            down |= read.down();
            results = read.value().orElse(null);
        }
        Chart perMinute = results == null ? null : LiveForms.perMinute(results);
        Chart byProvince = results == null ? null : LiveForms.byProvince(results);
        Chart byCountry = results == null ? null : LiveForms.byCountry(results, visitor.locale());
        return pages.of(detail).data("stream", shown).data("code", code).data("results", results)
                .data("perMinute", perMinute).data("byProvince", byProvince).data("byCountry", byCountry)
                .data("errors", errors).data("reason", reason).data("moved", false).data("down", down);
    }

    private TemplateInstance formPage(StreamForm shown, FormErrors errors, boolean down) {
        Fetched<io.agrilink.web.client.Page<Campaign>> campaigns = staff.campaigns();
        Instant now = Instant.now();
        List<Campaign> open = campaigns.value().items().stream().filter(c -> c.endsAt() == null || c.endsAt().isAfter(now))
                .toList();
        Fetched<List<Team>> teams = services.teams();
        return pages.of(form).data("form", shown).data("errors", errors).data("campaigns", open)
                .data("teams", teams.value()).data("platforms", PLATFORMS).data("hostKinds", HOST_KINDS)
                .data("down", down || campaigns.down() || teams.down());
    }

    private static List<HostRow> rows(List<String> kinds, List<String> names, List<String> subjects,
            List<String> teams) {
        List<HostRow> rows = new ArrayList<>();
        for (int i = 0; i < HOST_ROWS; i++) {
            rows.add(new HostRow(i, LiveForms.at(kinds, i), LiveForms.at(names, i), LiveForms.at(subjects, i),
                    LiveForms.at(teams, i)));
        }
        return rows;
    }

    /** catalog's field names as the form's: hosts numbered by the form's rows, every lot under the lots. */
    static String formField(String field, List<Integer> rowOfSent) {
        if (field.startsWith("lotIds")) {
            return "lotIds";
        }
        Matcher host = HOST_FIELD.matcher(field);
        if (host.matches()) {
            int sent = Integer.parseInt(host.group(1));
            int row = sent < rowOfSent.size() ? rowOfSent.get(sent) : sent;
            return "hosts[" + row + "]." + (host.group(2) == null ? "kind" : host.group(2));
        }
        if (field.equals("hosts")) {
            return "hosts[0].kind";
        }
        return field;
    }
}
