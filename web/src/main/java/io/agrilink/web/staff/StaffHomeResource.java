package io.agrilink.web.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.agrilink.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The staff home: everything programme staff do, one link each. */
@Path("/staff")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffHomeResource {

    @Inject
    Pages pages;

    @Location("staff/home.html")
    Template home;

    @GET
    public TemplateInstance home() {
        return pages.of(home);
    }
}
