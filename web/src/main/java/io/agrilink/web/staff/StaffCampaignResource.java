package io.agrilink.web.staff;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.agrilink.web.Formats;
import io.agrilink.web.Pages;
import io.agrilink.web.Visitor;
import io.agrilink.web.client.Campaign;
import io.agrilink.web.client.CatalogClient;
import io.agrilink.web.client.Fetched;
import io.agrilink.web.client.Lot;
import io.agrilink.web.client.Product;
import io.agrilink.web.forms.FormErrors;
import io.agrilink.web.staff.client.Dashboard;
import io.agrilink.web.staff.client.NewCampaign;
import io.agrilink.web.staff.client.StaffClients;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** Campaigns: running, upcoming and ended, a new one, and each one's live dashboard. */
@Path("/staff/campaigns")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class StaffCampaignResource {

    /** Lot rows the form offers; catalog takes up to 200, a livestream sells a handful. */
    static final int LOT_ROWS = 6;
    /** The per-minute chart shows the last minutes that had orders. */
    static final int MINUTES = 30;

    @Inject
    StaffClients services;

    @Inject
    CatalogClient publicCatalog;

    @Inject
    Pages pages;

    @Inject
    Visitor visitor;

    @Inject
    StaffMessages text;

    @Location("staff/campaigns.html")
    Template list;

    @Location("staff/campaign-form.html")
    Template form;

    @Location("staff/live.html")
    Template live;

    @Location("staff/live-numbers.html")
    Template numbers;

    @GET
    public TemplateInstance campaigns() {
        Fetched<io.agrilink.web.client.Page<Campaign>> found = services.campaigns();
        Instant now = Instant.now();
        List<Campaign> all = found.value().items();
        return pages.of(list).data("running", all.stream().filter(c -> !c.startsAt().isAfter(now) && c.endsAt().isAfter(now)).toList())
                .data("upcoming", all.stream().filter(c -> c.startsAt().isAfter(now)).toList())
                .data("ended", all.stream().filter(c -> !c.endsAt().isAfter(now)).toList())
                .data("down", found.down());
    }

    @GET
    @Path("new")
    public TemplateInstance newCampaign() {
        return formPage(new CampaignForm(Map.of(), rows(List.of(), List.of())), FormErrors.none(), false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String host, @RestForm String description,
            @RestForm String startsAt, @RestForm String endsAt, @RestForm String perBuyerLimitKg,
            @RestForm String targetKg, @RestForm List<String> lotId, @RestForm List<String> pricePerKg) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", StaffProducerResource.blankIfNull(name));
        typed.put("host", StaffProducerResource.blankIfNull(host));
        typed.put("description", StaffProducerResource.blankIfNull(description));
        typed.put("startsAt", StaffProducerResource.blankIfNull(startsAt));
        typed.put("endsAt", StaffProducerResource.blankIfNull(endsAt));
        typed.put("perBuyerLimitKg", StaffProducerResource.blankIfNull(perBuyerLimitKg));
        typed.put("targetKg", StaffProducerResource.blankIfNull(targetKg));
        CampaignForm shown = new CampaignForm(typed, rows(lotId, pricePerKg));

        FormErrors errors = FormErrors.none();
        Instant starts = instant(startsAt, "startsAt", errors);
        Instant ends = instant(endsAt, "endsAt", errors);
        Long limit = grams(perBuyerLimitKg, "perBuyerLimitKg", errors);
        Long target = grams(targetKg, "targetKg", errors);
        List<NewCampaign.LotPrice> lots = new ArrayList<>();
        // the service numbers the lots it was sent; the form's rows may have blanks between them
        List<Integer> rowOfSent = new ArrayList<>();
        for (int row = 0; row < shown.lots().size(); row++) {
            LotRow lot = shown.lots().get(row);
            if (lot.lotId().isBlank() && lot.pricePerKg().isBlank()) {
                continue;
            }
            lots.add(new NewCampaign.LotPrice(whole(lot.lotId(), "lots[" + row + "].lotId", errors),
                    whole(lot.pricePerKg(), "lots[" + row + "].pricePerKg", errors)));
            rowOfSent.add(row);
        }
        if (errors.any()) {
            return StaffProducerResource.page(400, formPage(shown, errors, false));
        }
        Outcome<Campaign> created = Outcome.of(() -> services.catalog().create(new NewCampaign(
                StaffProducerResource.emptyToNull(name), StaffProducerResource.emptyToNull(host),
                StaffProducerResource.emptyToNull(description), starts, ends, limit, target, lots)));
        if (created.done()) {
            return Response.seeOther(URI.create("/staff/campaigns/" + created.value().id() + "/live")).build();
        }
        if (created.down()) {
            return StaffProducerResource.page(503, formPage(shown, FormErrors.none(), true));
        }
        return StaffProducerResource.page(created.problem().status(),
                formPage(shown, created.errors(visitor.locale(), field -> formField(field, rowOfSent)), false));
    }

    /** The live dashboard: the first render has the numbers; {@code live.js} then refreshes them every 3 s. */
    @GET
    @Path("{id}/live")
    public TemplateInstance live(@PathParam("id") long id) {
        Fetched<Campaign> campaign = services.campaign(id);
        if (campaign.value() == null && !campaign.down()) {
            throw new NotFoundException();
        }
        Fetched<Dashboard> counted = services.dashboard(id);
        return pages.of(live).data("campaign", campaign.value()).data("campaignId", id)
                .data("live", LiveNumbers.of(counted.value(), campaign.value(), MINUTES, visitor.locale()))
                .data("down", campaign.down() || counted.down());
    }

    /** The numbers and charts alone, the fragment the live page's script fetches; never cached. */
    @GET
    @Path("{id}/live/numbers")
    public Response liveNumbers(@PathParam("id") long id) {
        Fetched<Dashboard> counted = services.dashboard(id);
        Fetched<Campaign> campaign = services.campaign(id);
        CacheControl never = new CacheControl();
        never.setNoStore(true);
        TemplateInstance fragment = pages.of(numbers)
                .data("live", LiveNumbers.of(counted.value(), campaign.value(), MINUTES, visitor.locale()))
                .data("down", counted.down() || campaign.down());
        return Response.status(counted.down() ? 503 : 200).type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .cacheControl(never).entity(fragment).build();
    }

    private TemplateInstance formPage(CampaignForm shown, FormErrors errors, boolean down) {
        return pages.of(form).data("form", shown).data("errors", errors).data("lotsOnSale", lotsOnSale())
                .data("down", down);
    }

    /** The lots staff can put on sale, from catalog's public search: the first products and their lots. */
    private List<LotOnOffer> lotsOnSale() {
        List<LotOnOffer> offer = new ArrayList<>();
        Fetched<io.agrilink.web.client.Page<Product>> products = publicCatalog.search(null, null, null, null, 0, visitor.locale());
        for (Product product : products.value().items()) {
            for (Lot lot : publicCatalog.lots(product.id()).value()) {
                if (lot.availableGrams() > 0) {
                    offer.add(new LotOnOffer(lot.id(), product.name(), product.producer().name(), lot.harvestDate(),
                            lot.availableGrams(), product.pricePerKg()));
                }
            }
        }
        return offer;
    }

    /** A lot shown beside the form, so staff need not look its id up elsewhere. */
    public record LotOnOffer(long lotId, String productName, String producerName, java.time.LocalDate harvestDate,
            long availableGrams, long regularPricePerKg) {
    }

    /** What staff typed, given back as typed when the form comes back with errors. */
    public record CampaignForm(Map<String, String> fields, List<LotRow> lots) {

        public String get(String field) {
            return fields.getOrDefault(field, "");
        }
    }

    public record LotRow(int row, String lotId, String pricePerKg) {

        /** The row as people count it, from 1. */
        public int number() {
            return row + 1;
        }

        /** The names catalog gives this row's fields in its problem: {@code lots[2].lotId}. */
        public String lotIdField() {
            return "lots[" + row + "].lotId";
        }

        public String priceField() {
            return "lots[" + row + "].pricePerKg";
        }
    }

    private static List<LotRow> rows(List<String> lotIds, List<String> prices) {
        List<LotRow> rows = new ArrayList<>();
        for (int i = 0; i < LOT_ROWS; i++) {
            rows.add(new LotRow(i, at(lotIds, i), at(prices, i)));
        }
        return rows;
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    /** catalog's field names as the form's: grams typed in kg, lots numbered by the form's rows. */
    private static String formField(String field, List<Integer> rowOfSent) {
        if (field.equals("perBuyerLimitGrams")) {
            return "perBuyerLimitKg";
        }
        if (field.equals("targetGrams")) {
            return "targetKg";
        }
        var lot = java.util.regex.Pattern.compile("lots\\[(\\d+)](.*)").matcher(field);
        if (lot.matches()) {
            int sent = Integer.parseInt(lot.group(1));
            return "lots[" + (sent < rowOfSent.size() ? rowOfSent.get(sent) : sent) + "]"
                    + (lot.group(2).isEmpty() ? ".lotId" : lot.group(2));
        }
        return field;
    }

    /** A time typed in a {@code datetime-local} field, on the clock in Việt Nam. */
    private Instant instant(String typed, String field, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(Formats.VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            errors.field(field, text.notATime());
            return null;
        }
    }

    /** Kilograms as typed ({@code 2,5} or {@code 2.5}) to whole grams. */
    private Long grams(String typed, String field, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(',', '.')).movePointRight(3).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            errors.field(field, text.notAWeight());
            return null;
        }
    }

    private Long whole(String typed, String field, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(typed.strip().replace(".", ""));
        } catch (NumberFormatException e) {
            errors.field(field, text.notANumber());
            return null;
        }
    }
}
