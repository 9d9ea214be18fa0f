package io.agrilink.web.live;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.staff.Outcome;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * A host's streams on her phone: each with one large button, go live while scheduled, end while live
 * (catalog-service decides who may: staff or one of the stream's movers), and while live or ended
 * its results with revenue (order-service).
 */
@Path("/host")
@RolesAllowed({ "farmer", "buyer", "staff" })
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class HostResource {

    @Inject
    LiveServices services;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("live/host.html")
    Template host;

    /** A stream as the host sees it: the stream, its results when there are any, and what was said of it. */
    public record HostedStream(Livestream stream, StreamCounter results, String refusal, boolean moved) {
    }

    @GET
    public TemplateInstance mine(@QueryParam("moved") String moved) {
        return page(moved == null ? "" : moved, "", "");
    }

    @POST
    @Path("{code}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("code") String code) {
        return move(LiveServices.code(code), services.catalog()::start);
    }

    @POST
    @Path("{code}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("code") String code) {
        return move(LiveServices.code(code), services.catalog()::end);
    }

    private Response move(String code, Function<String, Livestream> call) {
        Outcome<Livestream> moved = Outcome.of(() -> call.apply(code));
        if (moved.done()) {
            return Response.seeOther(URI.create("/host?moved=" + code + "#stream-" + code)).build();
        }
        String refusal = moved.down() ? LiveForms.text(visitor.locale()).move_down()
                : LiveForms.refusal(moved.problem(), visitor.locale());
        return LiveForms.page(moved.down() ? 503 : moved.problem().status(), page("", code, refusal));
    }

    private TemplateInstance page(String moved, String refusedCode, String refusal) {
        Fetched<List<Livestream>> mine = services.mine();
        List<HostedStream> shown = new ArrayList<>();
        boolean down = mine.down();
        for (Livestream stream : mine.value()) {
            StreamCounter results = null;
            if (stream.counted()) {
                Fetched<Optional<StreamCounter>> read = services.results(stream.code());
                down |= read.down();
                results = read.value().orElse(null);
            }
            shown.add(new HostedStream(stream, results, stream.code().equals(refusedCode) ? refusal : "",
                    stream.code().equals(moved)));
        }
        String lost = !refusedCode.isEmpty() && shown.stream().noneMatch(s -> s.stream().code().equals(refusedCode))
                ? refusal : "";
        return pages.of(host).data("streams", shown).data("refusal", lost).data("down", down);
    }
}
