package io.agrilink.web.forms;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.agrilink.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Every request that changes something (any method but GET, HEAD, OPTIONS) must carry the form's
 * token, unless its body is JSON: a browser sends JSON to another site only after a CORS preflight
 * this app never grants, and the app's own pages post forms.
 */
public class CsrfFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Csrf csrf;

    @Inject
    Pages pages;

    @Location("error.html")
    Template error;

    @ServerRequestFilter
    @WithFormRead
    public Response refuseForgedForms(ResteasyReactiveContainerRequestContext context) {
        MediaType body = context.getMediaType();
        if (SAFE.contains(context.getMethod())
                || body != null && (body.getSubtype().equals("json") || body.getSubtype().endsWith("+json"))) {
            return null;
        }
        Object posted = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter(Csrf.FIELD, true, false);
        if (csrf.matches(posted instanceof String token ? token : null)) {
            return null;
        }
        LOG.infof("refused a %s %s without this browser's form token", context.getMethod(),
                context.getUriInfo().getPath());
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .entity(pages.of(error).data("what", "formExpired").render()).build();
    }
}
