package io.agrilink.web.carrier;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.agrilink.web.Pages;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Page;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Programme staff's watch over the cold chain: shipments at risk as logistics-service reports them
 * (not delivered and due within the chosen hours, which the service sets from the fruit's
 * best-before, or with the temperature out of range), and the temperature alerts among them.
 */
@Path("/staff/shipments")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffShipmentsResource {

    /** The windows staff can choose, in hours; the service takes up to 2160. */
    static final List<Integer> WINDOWS = List.of(6, 24, 48, 72, 168);

    @Inject
    @RestClient
    CarrierLogisticsClient logistics;

    @Inject
    Pages pages;

    @Location("carrier/staff-shipments.html")
    Template atRisk;

    @GET
    public TemplateInstance atRisk(@QueryParam("withinHours") @DefaultValue("24") int withinHours) {
        int window = WINDOWS.contains(withinHours) ? withinHours : 24;
        Fetched<Page<Shipment>> found = Fetched.of(CarrierResource.SERVICE, () -> logistics.atRisk(window, 100),
                Page.empty());
        List<Shipment> shipments = found.value().items();
        return pages.of(atRisk).data("shipments", shipments).data("total", found.value().total())
                .data("alerted", shipments.stream().filter(Shipment::temperatureBreached).toList())
                .data("withinHours", window).data("windows", WINDOWS).data("down", found.down());
    }
}
