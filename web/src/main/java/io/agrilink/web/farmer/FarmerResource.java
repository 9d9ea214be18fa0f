package io.agrilink.web.farmer;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.agrilink.web.Formats;
import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.ServiceProblem;
import io.agrilink.web.forms.FormErrors;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The farmer's own pages, phone first: her producer and its certifications, her products and their
 * harvest lots (a new lot in one short form), and today's packing list. catalog-service and
 * order-service decide what she may do; these pages show their answers.
 */
@Path("/farmer")
@RolesAllowed("farmer")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class FarmerResource {

    @Inject
    FarmerServices services;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Location("farmer/home.html")
    Template home;

    @Location("farmer/products.html")
    Template products;

    @Location("farmer/packing.html")
    Template packing;

    /** What the farmer typed into the lot form, given back as typed when it is refused. */
    public record LotForm(String productId, String harvestDate, String quantityKg) {

        public boolean selects(long id) {
            return String.valueOf(id).equals(productId == null ? null : productId.strip());
        }
    }

    /** A product with its lots, newest harvest first. */
    public record ProductLots(MyProduct product, List<MyLot> lots) {
    }

    @GET
    public TemplateInstance home() {
        Fetched<List<MyProducer>> producers = services.producersOf(visitor.name());
        return pages.of(home).data("producers", producers.value()).data("down", producers.down());
    }

    @GET
    @Path("products")
    public TemplateInstance products(@QueryParam("added") Long added) {
        LotForm empty = new LotForm("", LocalDate.now(Formats.VIETNAM).toString(), "");
        return productsPage(empty, FormErrors.none(), added);
    }

    /** One short form for a new harvest lot: product, harvest date, kg. */
    @POST
    @Path("products/lots")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addLot(@RestForm String productId, @RestForm String harvestDate, @RestForm String quantityKg) {
        LotForm form = new LotForm(productId, harvestDate, quantityKg);
        FarmerMessages say = messages();
        FormErrors errors = FormErrors.none();
        Long product = parseId(productId);
        if (product == null) {
            errors.field("productId", say.lot_chooseProduct());
        }
        LocalDate harvested = parseDate(harvestDate);
        if (harvested == null) {
            errors.field("harvestDate", say.lot_badDate());
        }
        Optional<Long> grams = Kilograms.toGrams(quantityKg);
        if (grams.isEmpty()) {
            errors.field("quantityKg", say.lot_badKg());
        }
        if (errors.any()) {
            return refused(productsPage(form, errors, null));
        }
        try {
            Fetched<MyLot> lot = services.addLot(new NewLot(product, harvested, grams.get()));
            if (lot.down()) {
                return refused(productsPage(form, FormErrors.none().form(say.lot_notSaved()), null).data("down", true));
            }
            return Response.seeOther(URI.create("/farmer/products?added=" + lot.value().id() + "#lot-" + lot.value().id()))
                    .build();
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            return refused(productsPage(form, lotErrors(problem, say), null));
        }
    }

    @GET
    @Path("packing")
    public TemplateInstance packing() {
        return packingPage(FormErrors.none(), null, null);
    }

    /** One line's packed weight, in kg, to order-service. */
    @POST
    @Path("packing/{orderId}/lines/{lineId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pack(@PathParam("orderId") long orderId, @PathParam("lineId") long lineId,
            @RestForm String packedKg) {
        FarmerMessages say = messages();
        String field = "packed-" + lineId;
        Optional<Long> grams = Kilograms.toGrams(packedKg);
        if (grams.isEmpty()) {
            return refused(packingPage(FormErrors.none().field(field, say.packing_badKg()), lineId, packedKg));
        }
        try {
            Fetched<Boolean> packed = services.pack(orderId, lineId, grams.get());
            if (packed.down()) {
                return refused(packingPage(FormErrors.none().field(field, say.packing_notSaved()), lineId, packedKg)
                        .data("down", true));
            }
            return Response.seeOther(URI.create("/farmer/packing#line-" + lineId)).build();
        } catch (WebApplicationException e) {
            ServiceProblem problem = ServiceProblem.of(e);
            String sentence = switch (problem.status()) {
                case 400 -> problem.violations().stream().anyMatch(v -> v.field().endsWith("packedGrams"))
                        ? say.packing_badKg() : say.packing_notYours();
                case 403, 404 -> say.packing_notYours();
                case 409 -> say.packing_notToPack();
                default -> FormErrors.of(problem, visitor.locale()).form();
            };
            return refused(packingPage(FormErrors.none().field(field, sentence), lineId, packedKg));
        }
    }

    private TemplateInstance productsPage(LotForm form, FormErrors errors, Long added) {
        Fetched<List<MyProducer>> producers = services.producersOf(visitor.name());
        boolean down = producers.down();
        List<ProductLots> mine = new ArrayList<>();
        for (MyProducer producer : producers.value()) {
            Fetched<List<MyProduct>> found = services.productsOf(producer, visitor.locale());
            down |= found.down();
            for (MyProduct product : found.value()) {
                Fetched<List<MyLot>> lots = services.lotsOf(product.id());
                down |= lots.down();
                mine.add(new ProductLots(product, lots.value()));
            }
        }
        return pages.of(products).data("producers", producers.value()).data("products", mine).data("form", form)
                .data("errors", errors).data("added", added == null ? -1L : added).data("down", down);
    }

    private TemplateInstance packingPage(FormErrors errors, Long lineId, String typed) {
        Fetched<PackingList> list = services.packingList();
        PackingList day = list.value();
        List<PackingList.Item> items = day == null ? List.of() : day.items();
        long packedGrams = items.stream().filter(PackingList.Item::packed).mapToLong(PackingList.Item::packedGrams).sum();
        long toPackGrams = items.stream().filter(i -> !i.packed()).mapToLong(PackingList.Item::grams).sum();
        long linesToPack = items.stream().filter(i -> !i.packed()).count();
        return pages.of(packing).data("day", day == null ? LocalDate.now(Formats.VIETNAM) : day.date())
                .data("items", items).data("totalGrams", day == null ? 0L : day.totalGrams())
                .data("packedGrams", packedGrams).data("toPackGrams", toPackGrams).data("linesToPack", linesToPack)
                .data("errors", errors).data("typedLine", lineId == null ? -1L : lineId)
                .data("typed", typed == null ? "" : typed).data("down", list.down());
    }

    /**
     * catalog's refusal of a lot, by field: its violations (quantityGrams is the form's kg), and a
     * missing or delisted product or another farmer's product under the product field.
     */
    private FormErrors lotErrors(ServiceProblem problem, FarmerMessages say) {
        FormErrors errors = FormErrors.none();
        FormErrors service = FormErrors.of(problem, visitor.locale());
        service.fields().forEach((field, sentence) -> errors.field(
                "quantityGrams".equals(field) ? "quantityKg" : field, sentence));
        switch (problem.status()) {
            case 403 -> errors.field("productId", say.lot_notYours());
            case 404 -> errors.field("productId", say.lot_noSuchProduct());
            case 409 -> errors.field("productId", say.lot_delisted());
            default -> errors.form(service.form().isEmpty() ? null : service.form());
        }
        return errors;
    }

    /** A form shown again with its errors: the page, with the status that says why. */
    private static Response refused(TemplateInstance page) {
        return Response.status(422).type(MediaType.TEXT_HTML + ";charset=UTF-8").entity(page.render()).build();
    }

    private FarmerMessages messages() {
        // the default bundle is Vietnamese; English is its localized variant
        return "vi".equals(visitor.language()) ? MessageBundles.get(FarmerMessages.class)
                : MessageBundles.get(FarmerMessages.class, Localized.Literal.of(visitor.language()));
    }

    private static Long parseId(String typed) {
        try {
            return typed == null ? null : Long.valueOf(typed.strip());
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    private static LocalDate parseDate(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
