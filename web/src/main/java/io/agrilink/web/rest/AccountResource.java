package io.agrilink.web.rest;

import java.net.URI;
import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.agrilink.web.SafeRedirect;
import io.agrilink.web.Visitor;
import io.quarkus.security.Authenticated;

/** Signing in (Keycloak's code flow, handled by quarkus-oidc) and choosing the language. */
@Path("/")
public class AccountResource {

    /**
     * quarkus-oidc sends an anonymous visitor to Keycloak and, signed in, back here; then on to
     * {@code next}, a page of this app only. Signing out is quarkus-oidc's {@code /sign-out}.
     */
    @GET
    @Path("sign-in")
    @Authenticated
    public Response signIn(@QueryParam("next") String next) {
        return Response.seeOther(URI.create(SafeRedirect.target(next))).build();
    }

    /** The vi/en switch: remembered for a year, then back to the page it was used on. */
    @GET
    @Path("language")
    public Response language(@QueryParam("to") String to, @QueryParam("next") String next) {
        Response.ResponseBuilder back = Response.seeOther(URI.create(SafeRedirect.target(next)));
        if (to != null && Visitor.LANGUAGES.contains(to)) {
            back.cookie(new NewCookie.Builder(Visitor.LANGUAGE_COOKIE).value(to).path("/")
                    .maxAge((int) Duration.ofDays(365).toSeconds()).httpOnly(true)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return back.build();
    }
}
