package io.agrilink.web.live;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.web.Pages;
import io.agrilink.web.Provinces;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.staff.Outcome;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Farmers' sales teams and clubs (catalog-service): the list, a new one, its details changed, a
 * member added or removed. catalog's rules (the livestream-ready badge, one team per farmer, the
 * leader stays) come back as sentences by the field, naming the farmer.
 */
@Path("/staff/teams")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffTeamsResource {

    static final List<String> KINDS = List.of("TEAM", "CLUB");
    private static final Pattern MEMBER = Pattern.compile("members\\[(\\d+)]");
    /** The members member catalog may name the other team by, in a one-team refusal. */
    private static final List<String> OTHER_TEAM = List.of("teamName", "otherTeam", "team");

    @Inject
    LiveServices services;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("live/staff-teams.html")
    Template list;

    @Location("live/staff-team.html")
    Template detail;

    @GET
    public TemplateInstance teams() {
        return listPage(Map.of("kind", "TEAM"), FormErrors.none(), false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String kind, @RestForm String province,
            @RestForm String commune, @RestForm String leader, @RestForm String members) {
        Map<String, String> typed = typed(name, kind, province, commune, leader);
        typed.put("members", LiveForms.blank(members));
        List<String> sent = subjects(members);
        Outcome<Team> created = Outcome.of(() -> services.catalog().createTeam(new TeamRequest(LiveForms.orNull(name),
                LiveForms.orNull(kind), LiveForms.orNull(province), LiveForms.orNull(commune), LiveForms.orNull(leader),
                sent)));
        if (created.done()) {
            return Response.seeOther(URI.create("/staff/teams/" + created.value().id())).build();
        }
        if (created.down()) {
            return LiveForms.page(503, listPage(typed, FormErrors.none(), true));
        }
        return LiveForms.page(created.problem().status(),
                listPage(typed, members(created.problem(), sent, LiveForms.orNull(leader), "members"), false));
    }

    @GET
    @Path("{id}")
    public TemplateInstance team(@PathParam("id") long id, @QueryParam("saved") boolean saved) {
        return detailPage(id, null, FormErrors.none(), "", false).data("saved", saved);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") long id, @RestForm String name, @RestForm String kind,
            @RestForm String province, @RestForm String commune, @RestForm String leader) {
        Map<String, String> typed = typed(name, kind, province, commune, leader);
        return answer(id, Outcome.of(() -> services.catalog().changeTeam(id, new TeamRequest(LiveForms.orNull(name),
                LiveForms.orNull(kind), LiveForms.orNull(province), LiveForms.orNull(commune), LiveForms.orNull(leader),
                null))), typed, "", LiveForms.orNull(leader));
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") long id, @RestForm String subject) {
        String who = LiveForms.blank(subject);
        if (who.isEmpty()) {
            return LiveForms.page(400, detailPage(id, null,
                    FormErrors.none().field("subject", LiveForms.text(visitor.locale()).team_subjectRequired()), who,
                    false));
        }
        return answer(id, Outcome.of(() -> services.catalog().addMember(id, who)), null, who, who);
    }

    @POST
    @Path("{id}/members/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMember(@PathParam("id") long id, @RestForm String subject) {
        String who = LiveForms.blank(subject);
        if (who.isEmpty()) {
            throw new NotFoundException();
        }
        Outcome<Team> removed = Outcome.of(() -> services.catalog().removeMember(id, who));
        if (removed.done()) {
            return Response.seeOther(URI.create("/staff/teams/" + id + "?saved=true")).build();
        }
        if (removed.down()) {
            return LiveForms.page(503, detailPage(id, null, FormErrors.none(), "", true));
        }
        LiveMessages say = LiveForms.text(visitor.locale());
        FormErrors errors = removed.problem().status() == 409
                ? FormErrors.none().field("remove", say.member_leader(who))
                : FormErrors.none().field("remove", FormErrors.of(removed.problem(), visitor.locale()).form());
        return LiveForms.page(removed.problem().status(), detailPage(id, null, errors, "", false));
    }

    private Response answer(long id, Outcome<Team> outcome, Map<String, String> typed, String subject, String who) {
        if (outcome.done()) {
            return Response.seeOther(URI.create("/staff/teams/" + id + "?saved=true")).build();
        }
        if (outcome.down()) {
            return LiveForms.page(503, detailPage(id, typed, FormErrors.none(), subject, true));
        }
        FormErrors errors = typed == null ? members(outcome.problem(), List.of(who), null, "subject")
                : members(outcome.problem(), List.of(), who, "members");
        return LiveForms.page(outcome.problem().status(), detailPage(id, typed, errors, subject, false));
    }

    /**
     * catalog's problem as sentences: a member it names ({@code members[2]}, or the {@code leader}, or the
     * one being added) with her name and the rule in words, the rest by field as usual.
     */
    private FormErrors members(ServiceProblem problem, List<String> sent, String leader, String memberField) {
        LiveMessages say = LiveForms.text(visitor.locale());
        List<ServiceProblem.Violation> violations = new ArrayList<>(problem.violations());
        JsonNode named = problem.extensions().get("field");
        if (violations.isEmpty() && named != null && named.isTextual()) {
            violations.add(new ServiceProblem.Violation(named.asText(), problem.detail() == null ? "" : problem.detail()));
        }
        if (violations.isEmpty() && memberField.equals("subject") && problem.status() != 404) {
            violations.add(new ServiceProblem.Violation("subject", problem.detail() == null ? "" : problem.detail()));
        }
        FormErrors errors = FormErrors.none();
        FormErrors others = FormErrors.of(new ServiceProblem(problem.status(), problem.title(), problem.detail(),
                violations.stream().filter(v -> who(v.field(), sent, leader) == null).toList(), problem.extensions()),
                visitor.locale());
        others.fields().forEach(errors::field);
        for (ServiceProblem.Violation v : violations) {
            String subject = who(v.field(), sent, leader);
            if (subject == null) {
                continue;
            }
            String field = v.field().equals("leader") ? "leader" : memberField;
            errors.field(field, sentence(problem, v, subject, say));
        }
        if (violations.isEmpty() && !others.form().isEmpty()) {
            errors.form(others.form());
        }
        return errors;
    }

    /** Who a field names: {@code members[i]} the i-th sent, {@code leader} the leader, {@code subject} the one added. */
    private static String who(String field, List<String> sent, String leader) {
        Matcher member = MEMBER.matcher(field);
        if (member.matches()) {
            int i = Integer.parseInt(member.group(1));
            return i < sent.size() ? sent.get(i) : field;
        }
        if (field.equals("leader")) {
            return leader == null ? "" : leader;
        }
        if (field.equals("subject")) {
            return sent.isEmpty() ? "" : sent.get(0);
        }
        return null;
    }

    private static String sentence(ServiceProblem problem, ServiceProblem.Violation v, String subject, LiveMessages say) {
        String message = v.message() == null ? "" : v.message().toLowerCase(Locale.ROOT);
        if (problem.status() == 409) {
            String team = OTHER_TEAM.stream().map(problem.extensions()::get).filter(n -> n != null && n.isTextual())
                    .map(JsonNode::asText).findFirst().orElse(null);
            return team != null ? say.member_otherTeam(subject, team)
                    : message.contains("leader") ? say.member_leader(subject) : say.member_otherTeamUnknown(subject);
        }
        if (problem.status() == 422 || problem.status() == 400) {
            if (message.contains("not a member")) {
                return say.member_notMember(subject);
            }
            if (message.contains("badge") || message.contains("livestream") || message.contains("certif")
                    || problem.status() == 422 && !message.contains("member")) {
                return say.member_noBadge(subject);
            }
        }
        if (problem.status() == 404) {
            return say.member_unknown(subject);
        }
        return subject + ": " + v.message();
    }

    private Map<String, String> typed(String name, String kind, String province, String commune, String leader) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", LiveForms.blank(name));
        typed.put("kind", LiveForms.blank(kind));
        typed.put("province", LiveForms.blank(province));
        typed.put("commune", LiveForms.blank(commune));
        typed.put("leader", LiveForms.blank(leader));
        return typed;
    }

    /** Members typed one a line, or separated by commas or spaces. */
    static List<String> subjects(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private TemplateInstance listPage(Map<String, String> typed, FormErrors errors, boolean down) {
        Fetched<List<Team>> all = services.teams();
        return pages.of(list).data("teams", all.value()).data("form", typed).data("errors", errors)
                .data("kinds", KINDS).data("provinces", Provinces.ALL).data("down", down || all.down());
    }

    private TemplateInstance detailPage(long id, Map<String, String> typed, FormErrors errors, String subject,
            boolean down) {
        // catalog's 404 (no such team) passes through to the not-found page
        Fetched<Team> found = services.team(id);
        Team team = found.value();
        Map<String, String> form = typed != null ? typed : team == null ? Map.of()
                : typed(team.name(), team.kind(), team.province(), team.commune(), team.leader());
        return pages.of(detail).data("team", team).data("id", id).data("form", form).data("errors", errors)
                .data("subject", subject).data("kinds", KINDS).data("provinces", Provinces.ALL).data("saved", false)
                .data("down", down || found.down());
    }
}
