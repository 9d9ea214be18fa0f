package io.agrilink.web.live;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.agrilink.web.Pages;
import io.agrilink.web.client.Fetched;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The farmer's sales team (catalog-service), its members, and its livestreams' results (order-service). */
@Path("/farmer/team")
@RolesAllowed("farmer")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class FarmerTeamResource {

    @Inject
    LiveServices services;

    @Inject
    Pages pages;

    @Location("live/farmer-team.html")
    Template page;

    @GET
    public TemplateInstance team() {
        Fetched<Optional<Team>> mine = services.myTeam();
        Team team = mine.value().orElse(null);
        Fetched<Optional<TeamResults>> results = team == null ? new Fetched<>(Optional.empty(), false)
                : services.teamResults(team.id());
        return pages.of(page).data("team", team).data("results", results.value().orElse(null))
                .data("down", mine.down() || results.down());
    }
}
