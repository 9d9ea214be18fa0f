package io.agrilink.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.client.UserToken;
import io.agrilink.web.forms.FormErrors;
import io.quarkus.security.Authenticated;

/**
 * The web tests' stand-in services, served by the test app itself under {@code /stub/<service>}
 * ({@code %test.quarkus.rest-client.<service>.url}): the rest clients go over real HTTP, with the
 * headers and problem bodies a service sends. Here: what the foundation's tests need.
 */
public class StubServices {

    /** A service endpoint that answers with the bearer token it was called with, or a problem. */
    @Path("/stub/order/echo")
    public static class Echo {

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public Response echo(@HeaderParam("Authorization") String authorization) {
            if (authorization == null) {
                return Response.status(401).type("application/problem+json")
                        .entity("{\"title\":\"Unauthorized\",\"status\":401}").build();
            }
            return Response.ok(authorization).build();
        }

        @POST
        public Response refuse(String body) {
            return Response.status(422).type("application/problem+json").entity("""
                    {"type":"about:blank","title":"Unprocessable","status":422,"detail":"Some lines cannot travel together",
                     "violations":[{"field":"grams","message":"must be greater than 0"},{"field":"phone","message":"is not a phone number"}],
                     "gramsLeft":2500}""").build();
        }
    }

    @RegisterRestClient(configKey = "order")
    @RegisterClientHeaders(UserToken.class)
    @Path("/echo")
    public interface EchoClient {

        @GET
        String echo();

        @POST
        @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
        String refuse(String body);
    }

    /** A page of the test app that calls the stub as the signed-in user and posts a form. */
    @Path("/test-page")
    public static class TestPage {

        @RestClient
        EchoClient echo;

        @jakarta.inject.Inject
        Pages pages;

        @io.quarkus.qute.Location("error.html")
        io.quarkus.qute.Template error;

        /** A form shown again after a post, as a page with the layout (and its language switch). */
        @POST
        @Path("again")
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        @Produces(MediaType.TEXT_HTML)
        public io.quarkus.qute.TemplateInstance again() {
            return pages.of(error).data("what", "error");
        }

        @GET
        @Authenticated
        @Produces(MediaType.TEXT_PLAIN)
        public String token() {
            return echo.echo();
        }

        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        @Produces(MediaType.TEXT_PLAIN)
        public String posted(@RestForm String grams) {
            try {
                return echo.refuse("{}");
            } catch (jakarta.ws.rs.WebApplicationException refused) {
                FormErrors errors = FormErrors.of(ServiceProblem.of(refused), java.util.Locale.forLanguageTag("vi"));
                return grams + "|" + errors.get("grams") + "|" + errors.get("phone") + "|"
                        + ServiceProblem.of(refused).number("gramsLeft");
            }
        }
    }
}
