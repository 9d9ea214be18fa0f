package io.agrilink.web.carrier;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Page;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A driver's phone: open loads to take, the shipments the firm holds, and each one's steps (export
 * papers, pickup, temperatures, delivery with the buyer's code, cash collected). logistics-service
 * decides everything; a refusal comes back as a sentence next to the field it names.
 */
@Path("/carrier")
@RolesAllowed("carrier")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CarrierResource {

    static final String SERVICE = "logistics-service";
    private static final int LIST_SIZE = 100;

    @Inject
    @RestClient
    CarrierLogisticsClient logistics;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;


    @Location("carrier/loads.html")
    Template loads;

    @Location("carrier/shipments.html")
    Template shipments;

    @Location("carrier/shipment.html")
    Template shipment;

    // ------------------------------------------------------------ open loads (tendering)

    @GET
    public TemplateInstance loads() {
        return loadsPage(null);
    }

    /**
     * Takes an open load. Of carriers racing for it the service gives it to one; the others hear in
     * words that another carrier took it. A second press of the same button (the service has no
     * Idempotency-Key for accepting) finds the load already ours and goes on to it, as the first did.
     */
    @POST
    @Path("loads/{id}/take")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response take(@PathParam("id") long id) {
        try {
            logistics.accept(id);
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status != 409 && status != 404) {
                throw refused;
            }
            ServiceProblem problem = ServiceProblem.of(refused);
            Taken taken = status == 404 ? Taken.GONE : whoHas(id);
            if (taken == Taken.BY_US) {
                return toShipment(id);
            }
            String sentence = switch (taken) {
                case BY_ANOTHER -> messages().takenByAnother();
                case GONE -> messages().loadGone();
                default -> refusal(problem);
            };
            return Response.status(409).entity(loadsPage(sentence)).build();
        }
        return toShipment(id);
    }

    private enum Taken {
        BY_US, BY_ANOTHER, GONE, UNKNOWN
    }

    /** After a refused accept: a carrier may read an open load or one it holds, not one another carrier holds. */
    private Taken whoHas(long id) {
        try {
            Shipment now = logistics.shipment(id);
            if (now.carrierId() != null && now.carrierId() == logistics.me().id()) {
                return Taken.BY_US;
            }
            return now.carrierId() != null ? Taken.BY_ANOTHER : Taken.UNKNOWN;
        } catch (WebApplicationException e) {
            return switch (e.getResponse().getStatus()) {
                case 403 -> Taken.BY_ANOTHER;
                case 404 -> Taken.GONE;
                default -> Taken.UNKNOWN;
            };
        }
    }

    /** Why the service would not give us a load that is still open, from the members its problem carries. */
    private String refusal(ServiceProblem problem) {
        if (problem.number("dailyCapacity") >= 0) {
            return messages().capacityUsed(problem.number("dailyCapacity"));
        }
        if (problem.extensions().containsKey("unmet")) {
            return messages().cannotServe();
        }
        if (problem.extensions().containsKey("currentStatus")) {
            return messages().loadGone();
        }
        if (problem.extensions().containsKey("carrierId")) {
            return messages().suspended();
        }
        return FormErrors.of(problem, visitor.locale()).form();
    }

    private TemplateInstance loadsPage(String refused) {
        Fetched<Page<Shipment>> open;
        try {
            open = Fetched.of(SERVICE, () -> logistics.open(LIST_SIZE), Page.empty());
        } catch (WebApplicationException notRegistered) {
            if (notRegistered.getResponse().getStatus() != 403) {
                throw notRegistered;
            }
            return pages.of(loads).data("loads", java.util.List.of()).data("refused", null)
                    .data("notRegistered", true);
        }
        return pages.of(loads).data("loads", open.value().items()).data("refused", refused)
                .data("notRegistered", false).data("down", open.down());
    }

    // ------------------------------------------------------------ my shipments

    @GET
    @Path("shipments")
    public TemplateInstance shipments() {
        Fetched<Page<Shipment>> mine;
        try {
            mine = Fetched.of(SERVICE, () -> logistics.mine(LIST_SIZE), Page.empty());
        } catch (WebApplicationException notRegistered) {
            if (notRegistered.getResponse().getStatus() != 403) {
                throw notRegistered;
            }
            return pages.of(shipments).data("shipments", java.util.List.of()).data("notRegistered", true);
        }
        return pages.of(shipments).data("shipments", mine.value().items()).data("notRegistered", false)
                .data("down", mine.down());
    }

    @GET
    @Path("shipments/{id}")
    public TemplateInstance shipment(@PathParam("id") long id) {
        return shipmentPage(id, FormErrors.none(), Map.of());
    }

    /** Ticks an export paper with the reference of its document; pickup waits until all are ticked. */
    @POST
    @Path("shipments/{id}/papers/{requirement}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tick(@PathParam("id") long id, @PathParam("requirement") String requirement,
            @RestForm String documentRef) {
        String field = "documentRef-" + requirement;
        if (blank(documentRef)) {
            return refused(id, 400, FormErrors.none().field(field, messages().required()), Map.of(field, ""));
        }
        try {
            logistics.tick(id, requirement, new CarrierLogisticsClient.Tick(documentRef.strip()));
        } catch (WebApplicationException e) {
            FormErrors said = errorsOf(e);
            FormErrors errors = FormErrors.none().form(said.form());
            said.fields().forEach((name, sentence) -> errors.field("documentRef".equals(name) ? field : name, sentence));
            return refused(id, e.getResponse().getStatus(), errors, Map.of(field, documentRef));
        }
        return toShipment(id);
    }

    /** The next step the service allows: picked up, on the road (where), out for delivery, a failed attempt (why), returned. */
    @POST
    @Path("shipments/{id}/steps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("id") long id, @RestForm String status, @RestForm String location,
            @RestForm String reason) {
        Map<String, String> typed = typed("location", location, "reason", reason);
        if ("IN_TRANSIT".equals(status) && blank(location)) {
            return refused(id, 400, FormErrors.none().field("location", messages().required()), typed);
        }
        if ("FAILED_ATTEMPT".equals(status) && blank(reason)) {
            return refused(id, 400, FormErrors.none().field("reason", messages().required()), typed);
        }
        try {
            logistics.report(id, new CarrierLogisticsClient.Step(status, strip(location), strip(reason), null, null));
        } catch (WebApplicationException e) {
            return refused(id, e.getResponse().getStatus(), errorsOf(e), typed);
        }
        return toShipment(id);
    }

    /** One short form: a reading in °C, a comma or a point for the decimals. */
    @POST
    @Path("shipments/{id}/temperatures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response temperature(@PathParam("id") long id, @RestForm String value) {
        Map<String, String> typed = typed("value", value);
        Double celsius = celsius(value);
        if (celsius == null) {
            return refused(id, 400, FormErrors.none().field("value", messages().temperatureNotANumber()), typed);
        }
        try {
            logistics.recordTemperature(id, new CarrierLogisticsClient.Reading(celsius, "C"));
        } catch (WebApplicationException e) {
            return refused(id, e.getResponse().getStatus(), errorsOf(e), typed);
        }
        return toShipment(id);
    }

    /**
     * Delivered into the recipient's hands: their name, the six-digit code the buyer was given (a
     * wrong one is said next to its field) and, for cash on delivery, the đồng collected.
     */
    @POST
    @Path("shipments/{id}/delivery")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deliver(@PathParam("id") long id, @RestForm("proof.recipientName") String recipient,
            @RestForm("proof.deliveryCode") String code, @RestForm String cashCollected) {
        Map<String, String> typed = typed("proof.recipientName", recipient, "proof.deliveryCode", code,
                "cashCollected", cashCollected);
        FormErrors errors = FormErrors.none();
        if (blank(recipient)) {
            errors.field("proof.recipientName", messages().required());
        }
        if (blank(code)) {
            errors.field("proof.deliveryCode", messages().required());
        }
        Long cash = null;
        if (!blank(cashCollected)) {
            cash = dong(cashCollected);
            if (cash == null) {
                errors.field("cashCollected", messages().cashNotAnAmount());
            }
        }
        if (errors.any()) {
            return refused(id, 400, errors, typed);
        }
        try {
            logistics.report(id, new CarrierLogisticsClient.Step("DELIVERED", null, null,
                    new CarrierLogisticsClient.Proof(recipient.strip(), code.strip()), cash));
        } catch (WebApplicationException e) {
            return refused(id, e.getResponse().getStatus(), errorsOf(e), typed);
        }
        return toShipment(id);
    }

    // ------------------------------------------------------------ the shipment page and its forms

    private TemplateInstance shipmentPage(long id, FormErrors errors, Map<String, String> typed) {
        Fetched<Shipment> found = Fetched.of(SERVICE, () -> logistics.shipment(id), null);
        Fetched<Tracking> tracking = found.down() ? new Fetched<>(Tracking.NONE, true)
                : Fetched.of(SERVICE, () -> logistics.tracking(id), Tracking.NONE);
        return pages.of(shipment).data("shipment", found.value()).data("tracking", tracking.value())
                .data("errors", errors).data("form", typed).data("down", found.down() || tracking.down());
    }

    /** The page again with what the person typed and why it was refused; a 403/404 is the error page's. */
    private Response refused(long id, int status, FormErrors errors, Map<String, String> typed) {
        if (status == 401 || status == 403 || status == 404 || status >= 500) {
            throw new WebApplicationException(status);
        }
        return Response.status(status).entity(shipmentPage(id, errors, typed)).build();
    }

    /** The service's problem as sentences; the few it words for machines are said here for people. */
    private FormErrors errorsOf(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403 || status == 404 || status >= 500) {
            throw e;
        }
        ServiceProblem problem = ServiceProblem.of(e);
        if (problem.extensions().containsKey("missing")) {
            return FormErrors.none().form(messages().papersMissing());
        }
        if (problem.extensions().containsKey("allowedNext")) {
            return FormErrors.none().form(messages().stepNotAllowed());
        }
        if (problem.extensions().containsKey("currentStatus")) {
            return FormErrors.none().form(messages().closed());
        }
        return FormErrors.of(problem, visitor.locale());
    }

    /** The sentences a page says from here, in the visitor's language. */
    private CarrierMessages messages() {
        return "vi".equals(visitor.language()) ? MessageBundles.get(CarrierMessages.class)
                : MessageBundles.get(CarrierMessages.class, Localized.Literal.of(visitor.language()));
    }

    private static Response toShipment(long id) {
        return Response.seeOther(URI.create("/carrier/shipments/" + id)).build();
    }

    private static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return typed;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }

    /** {@code 4,5}, {@code 4.5}, {@code -1} as °C; anything else null. */
    static Double celsius(String typed) {
        if (blank(typed) || !typed.strip().matches("[-−]?\\d{1,3}([.,]\\d{1,2})?")) {
            return null;
        }
        return Double.valueOf(typed.strip().replace('−', '-').replace(',', '.'));
    }

    /** Whole đồng as people write them: {@code 1.250.000}, {@code 1 250 000}, {@code 1250000 ₫}. */
    static Long dong(String typed) {
        String digits = typed.strip().replaceAll("đồng|[.\\s\u00a0₫đ]", "");
        if (!digits.matches("\\d{1,12}")) {
            return null;
        }
        return Long.valueOf(digits);
    }
}
