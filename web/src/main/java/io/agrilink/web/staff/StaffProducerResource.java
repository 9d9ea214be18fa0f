package io.agrilink.web.staff;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.agrilink.web.Formats;
import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.staff.client.NewAccount;
import io.agrilink.web.staff.client.StaffClients;
import io.agrilink.web.staff.client.StaffProducer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Producers and their certifications, and the farmers' accounts staff register at training sessions. */
@Path("/staff/producers")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffProducerResource {

    static final List<String> SCHEMES = List.of("VIETGAP", "GLOBALGAP", "ORGANIC");

    @Inject
    StaffClients services;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Inject
    StaffMessages text;

    @Location("staff/producers.html")
    Template list;

    @Location("staff/producer.html")
    Template producer;

    @Location("staff/account.html")
    Template account;

    @GET
    public TemplateInstance producers(@QueryParam("page") @DefaultValue("0") int page) {
        var found = services.producers(Math.max(0, page));
        return pages.of(list).data("producers", found.value().items()).data("total", found.value().total())
                .data("page", Math.max(0, page))
                .data("more", (long) (Math.max(0, page) + 1) * 20 < found.value().total()).data("today", today()).data("down", found.down());
    }

    @GET
    @Path("{id}")
    public TemplateInstance producer(@PathParam("id") long id, @QueryParam("added") boolean added) {
        Fetched<StaffProducer> found = services.producer(id);
        return producerPage(found.value(), Map.of(), FormErrors.none(), found.down()).data("added", added);
    }

    /** Adds a certification: catalog's replace of the producer with the certification appended (catalog offers no other way). */
    @POST
    @Path("{id}/certifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addCertification(@PathParam("id") long id, @RestForm String scheme, @RestForm String code,
            @RestForm String issuedOn, @RestForm String expiresOn) {
        Map<String, String> form = Map.of("scheme", blankIfNull(scheme), "code", blankIfNull(code), "issuedOn",
                blankIfNull(issuedOn), "expiresOn", blankIfNull(expiresOn));
        Fetched<StaffProducer> found = services.producer(id);
        StaffProducer current = found.value();
        if (current == null) {
            return page(503, producerPage(null, form, FormErrors.none(), true));
        }
        FormErrors typed = FormErrors.none();
        LocalDate issued = date(issuedOn, "issuedOn", typed);
        LocalDate expires = date(expiresOn, "expiresOn", typed);
        if (typed.any()) {
            return page(400, producerPage(current, form, typed, false));
        }
        StaffProducer.NewCertification added = new StaffProducer.NewCertification(emptyToNull(scheme),
                emptyToNull(code), issued, expires);
        String prefix = "certifications[" + (current.certifications() == null ? 0 : current.certifications().size())
                + "].";
        Outcome<StaffProducer> replaced = Outcome
                .of(() -> services.catalog().replaceProducer(id, current.withCertification(added)));
        if (replaced.done()) {
            return Response.seeOther(URI.create("/staff/producers/" + id + "?added=true")).build();
        }
        if (replaced.down()) {
            return page(503, producerPage(current, form, FormErrors.none(), true));
        }
        FormErrors errors = replaced.errors(visitor.locale(),
                field -> field.startsWith(prefix) ? field.substring(prefix.length()) : field);
        return page(replaced.problem().status(), producerPage(current, form, errors, false));
    }

    @GET
    @Path("accounts")
    public TemplateInstance accountForm() {
        return pages.of(account).data("form", Map.of()).data("created", null);
    }

    /**
     * Registers a farmer's account (catalog's {@code POST /accounts}, the phone number as the
     * username). The temporary password is shown in the answer to this post and nowhere else: not
     * redirected to a page that could show it again, and not cached.
     */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@RestForm String username, @RestForm String firstName, @RestForm String lastName,
            @RestForm String email) {
        Map<String, String> form = Map.of("username", blankIfNull(username), "firstName", blankIfNull(firstName),
                "lastName", blankIfNull(lastName), "email", blankIfNull(email));
        Outcome<NewAccount.Created> created = Outcome.of(() -> services.catalog().register(new NewAccount(
                emptyToNull(username), emptyToNull(firstName), emptyToNull(lastName), "farmer", emptyToNull(email),
                null)));
        if (created.done()) {
            CacheControl never = new CacheControl();
            never.setNoStore(true);
            return Response.ok(pages.of(account).data("form", Map.of()).data("created", created.value()))
                    .cacheControl(never).build();
        }
        TemplateInstance again = pages.of(account).data("form", form).data("created", null);
        if (created.down()) {
            return page(503, again.data("down", true));
        }
        return page(created.problem().status(), again.data("errors", created.errors(visitor.locale(), f -> f)));
    }

    private TemplateInstance producerPage(StaffProducer shown, Map<String, String> form, FormErrors errors,
            boolean down) {
        if (shown == null && !down) {
            throw new NotFoundException();
        }
        return pages.of(producer).data("producer", shown).data("form", form).data("errors", errors)
                .data("schemes", SCHEMES).data("today", today()).data("down", down).data("added", false);
    }

    private LocalDate date(String typed, String field, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            errors.field(field, text.notADate());
            return null;
        }
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8").entity(page).build();
    }

    static LocalDate today() {
        return LocalDate.now(Formats.VIETNAM);
    }

    static String blankIfNull(String value) {
        return value == null ? "" : value;
    }

    static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
