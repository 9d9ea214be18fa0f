package io.agrilink.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.agrilink.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * What went wrong, as a page: a sentence in the visitor's language and a way home, never a stack
 * trace or a service's raw answer. A page that can do better (a form that shows its errors) catches
 * the service's problem itself; these are what is left.
 */
public class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);

    @Inject
    Pages pages;

    @Location("error.html")
    Template error;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "notFound");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "forbidden");
    }

    /** A signed-in person whose roles a page's {@code @RolesAllowed} does not name: the same page in words. */
    @ServerExceptionMapper
    public Response wrongRole(io.quarkus.security.ForbiddenException e) {
        return page(403, "forbidden");
    }

    /** A service's refusal no page handled, or a status a page threw: said in words, with a status to match. */
    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> page(404, "notFound");
            case 401, 403 -> page(403, "forbidden");
            default -> {
                LOG.warnf("a page failed: %d %s", status, e.getMessage());
                yield page(status >= 500 ? 502 : status, "error");
            }
        };
    }

    @ServerExceptionMapper
    public Response failed(RuntimeException e) {
        LOG.error("a page failed", e);
        return page(500, "error");
    }

    private Response page(int status, String what) {
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .entity(pages.of(error).data("what", what).render()).build();
    }
}
