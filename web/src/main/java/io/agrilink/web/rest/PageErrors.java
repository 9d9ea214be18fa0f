package io.agrilink.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.agrilink.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** A page that is not there: a sentence in the visitor's language and a way home, never a stack trace. */
public class PageErrors {

    @Inject
    Pages pages;

    @Location("error.html")
    Template error;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "notFound");
    }

    private Response page(int status, String what) {
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .entity(pages.of(error).data("what", what).render()).build();
    }
}
