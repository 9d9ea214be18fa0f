package io.agrilink.catalog.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.catalog.SalesTeam;
import io.agrilink.catalog.service.TeamService;
import io.agrilink.platform.security.Roles;

/** Farmer sales teams and clubs: staff curate them, a farmer sees her own. */
@Path("/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    @Inject
    TeamService teams;

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Create a sales team or club", description = "The leader is a member; every member holds "
            + "the livestream-ready badge and is in no other team. Province and commune as producers' are.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid field (province, commune ...)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "409", description = "A member (members[i] or leader) is in another team")
    @APIResponse(responseCode = "422", description = "A member (members[i] or leader) holds no livestream-ready badge")
    public Response create(@Valid @NotNull TeamRequest input) {
        SalesTeam team = teams.get(teams.create(input.toDetails()).id);
        return Response.created(URI.create("/teams/" + team.id)).entity(view(team)).build();
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "All teams, by name")
    @APIResponse(responseCode = "200", description = "The teams")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    public List<TeamView> list() {
        return teams.list().stream().map(this::view).toList();
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Roles.FARMER)
    @Operation(summary = "The caller's team")
    @APIResponse(responseCode = "200", description = "Her team")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a farmer")
    @APIResponse(responseCode = "404", description = "She is in no team")
    public TeamView mine() {
        return view(teams.mine());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "A team with its members", description = "Staff, or a member of the team")
    @APIResponse(responseCode = "200", description = "The team")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither staff nor a member")
    @APIResponse(responseCode = "404", description = "No such team")
    public TeamView get(@PathParam("id") long id) {
        return view(teams.view(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Change a team", description = "Name, kind, province, commune and leader (a member already); "
            + "members are added and removed one at a time.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid field, or members given")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such team")
    @APIResponse(responseCode = "422", description = "The leader is not a member")
    public TeamView update(@PathParam("id") long id, @Valid @NotNull TeamRequest input) {
        teams.update(id, input.toDetails());
        return view(teams.get(id));
    }

    @PUT
    @Path("/{id}/members/{subject}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Add a member", description = "She holds the livestream-ready badge and is in no other team; "
            + "a member already is left as she is.")
    @APIResponse(responseCode = "200", description = "The team with her")
    @APIResponse(responseCode = "400", description = "Invalid subject")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such team")
    @APIResponse(responseCode = "409", description = "She is in another team (subject, teamName)")
    @APIResponse(responseCode = "422", description = "She holds no livestream-ready badge (subject)")
    public TeamView addMember(@PathParam("id") long id, @PathParam("subject") @NotBlank @Size(max = 100) String subject) {
        teams.addMember(id, subject);
        return view(teams.get(id));
    }

    @DELETE
    @Path("/{id}/members/{subject}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Remove a member", description = "Not the leader; one who is not a member is a no-op")
    @APIResponse(responseCode = "200", description = "The team without her")
    @APIResponse(responseCode = "400", description = "Invalid subject")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such team")
    @APIResponse(responseCode = "409", description = "She leads the team (subject)")
    public TeamView removeMember(@PathParam("id") long id,
            @PathParam("subject") @NotBlank @Size(max = 100) String subject) {
        teams.removeMember(id, subject);
        return view(teams.get(id));
    }

    private TeamView view(SalesTeam team) {
        List<String> subjects = team.members.stream().map(m -> m.subject).toList();
        Map<String, String> badges = teams.badges(subjects);
        Map<String, List<String>> producers = teams.producerNames(subjects);
        return new TeamView(team.id, team.name, team.kind.name(), team.province, team.commune, team.leader,
                team.members.stream().map(m -> new TeamView.Member(m.subject, producers.get(m.subject),
                        badges.get(m.subject), m.joinedAt)).toList(),
                team.createdAt);
    }
}
