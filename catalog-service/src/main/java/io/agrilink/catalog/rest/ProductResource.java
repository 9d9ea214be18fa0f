package io.agrilink.catalog.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.agrilink.platform.web.Page;
import io.agrilink.catalog.Certification;
import io.agrilink.catalog.Product;
import io.agrilink.catalog.repository.ProductRepository;
import io.agrilink.catalog.service.LotService;
import io.agrilink.catalog.service.ProducerService;
import io.agrilink.catalog.service.ProductService;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.agrilink.platform.vn.Provinces;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    public record SeasonCalendarView(String province, List<Month> months) {
    }

    public record Month(int month, List<InSeason> products) {
    }

    public record InSeason(long id, String name, Product.Category category, long producerId, String producerName) {
    }

    @Inject
    ProductService products;

    @Inject
    ProducerService producers;

    @Inject
    LotService lots;

    @Inject
    ProductRepository repository;

    @POST
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "List a product", description = "By an owner of the producer, or staff. Names and stories "
            + "per BCP 47 language (vi and en required); price in whole đồng per kg.")
    @APIResponse(responseCode = "201", description = "Listed")
    @APIResponse(responseCode = "400", description = "Invalid field (language tag, fractional price, temperatures ...)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an owner of the producer")
    @APIResponse(responseCode = "404", description = "No such producer")
    public Response create(@Valid @NotNull ProductRequest input, @Context HttpHeaders headers) {
        Product product = products.get(products.create(input.toDetails()).id);
        return Response.created(URI.create("/products/" + product.id)).entity(response(product, headers)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "Replace a product's details")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an owner of the producer")
    @APIResponse(responseCode = "404", description = "No such product")
    public ProductView update(@PathParam("id") long id, @Valid @NotNull ProductRequest input,
            @Context HttpHeaders headers) {
        products.update(id, input.toDetails());
        return response(products.get(id), headers);
    }

    @POST
    @Path("/{id}/delist")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Take a product off sale", description = "Search no longer finds it and its lots can no "
            + "longer be reserved; confirmed orders keep their stock. The reason goes to the audit trail.")
    @APIResponse(responseCode = "200", description = "Delisted: delistedAt is set")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "Already delisted, or grams of its lots are held for orders not "
            + "confirmed yet (lotId, heldGrams)")
    public ProductView delist(@PathParam("id") long id, @Valid @NotNull ReasonRequest input,
            @Context HttpHeaders headers) {
        products.delist(id, input.reason());
        return response(products.get(id), headers);
    }

    @POST
    @Path("/{id}/relist")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Put a delisted product on sale again")
    @APIResponse(responseCode = "200", description = "Listed again")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "409", description = "It is listed")
    public ProductView relist(@PathParam("id") long id, @Valid @NotNull ReasonRequest input,
            @Context HttpHeaders headers) {
        products.relist(id, input.reason());
        return response(products.get(id), headers);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({ Roles.STAFF, Roles.FARMER })
    @Operation(summary = "A product's audit trail, oldest first: who delisted or relisted it, when and why")
    @APIResponse(responseCode = "200", description = "The entries")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Neither staff nor an owner of the producer")
    @APIResponse(responseCode = "404", description = "No such product")
    public List<AuditView> audit(@PathParam("id") long id) {
        return products.audit(id).stream().map(AuditView::of).toList();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A product, in the language of Accept-Language (else English, else Vietnamese)")
    @APIResponse(responseCode = "200", description = "The product")
    @APIResponse(responseCode = "404", description = "No such product")
    public ProductView get(@PathParam("id") long id, @Context HttpHeaders headers) {
        return response(products.get(id), headers);
    }

    @GET
    @PermitAll
    @Operation(summary = "Search and browse products", description = "Free text ignores diacritics and case "
            + "(\"vai thieu luc ngan\" finds \"Vải thiều Lục Ngạn\"); filters combine; sort is name, price, -price or newest.")
    @APIResponse(responseCode = "200", description = "One page of products and the total count")
    @APIResponse(responseCode = "400", description = "Unknown province, category, certification or sort; bad paging")
    public Page<ProductView> search(@QueryParam("q") @Size(max = 200) String q,
            @QueryParam("category") @Size(max = 20) String category,
            @QueryParam("province") @Size(max = 60) String province,
            @QueryParam("certification") @Size(max = 20) String certification,
            @QueryParam("ocopStars") @Min(3) @Max(5) Integer ocopStars,
            @QueryParam("inSeason") @DefaultValue("false") boolean inSeason,
            @QueryParam("inCampaign") @DefaultValue("false") boolean inCampaign,
            @QueryParam("sort") @DefaultValue("name") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @Context HttpHeaders headers) {
        ProductRepository.Found found = repository.search(new ProductRepository.Search(q,
                parse(Product.Category.class, "category", category), currentProvince(province),
                parse(Certification.Scheme.class, "certification", certification), ocopStars, inSeason, inCampaign, sortOf(sort), page, size));
        return new Page<>(responses(found.products(), headers), page, size, found.total());
    }

    @GET
    @Path("/season-calendar")
    @PermitAll
    @Operation(summary = "What is in season each month in a province")
    @APIResponse(responseCode = "200", description = "Twelve months, each with its products")
    @APIResponse(responseCode = "400", description = "Unknown or missing province")
    public SeasonCalendarView seasonCalendar(@QueryParam("province") @Size(max = 60) String province,
            @Context HttpHeaders headers) {
        if (province == null || province.isBlank()) {
            throw ProblemException.invalid("province", "is required");
        }
        String current = currentProvince(province);
        List<Product> inProvince = repository.inProvince(current, 1000);
        List<Locale> languages = headers.getAcceptableLanguages();
        List<Month> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            short m = (short) month;
            months.add(new Month(month, inProvince.stream().filter(p -> p.seasonMonths.contains(m))
                    .map(p -> new InSeason(p.id, ProductView.pick(p.texts, languages).name, p.category,
                            p.producer.id, p.producer.name))
                    .toList()));
        }
        return new SeasonCalendarView(current, months);
    }

    @GET
    @Path("/{id}/lots")
    @PermitAll
    @Operation(summary = "The harvest lots of a product, newest harvest first")
    @APIResponse(responseCode = "200", description = "The lots")
    @APIResponse(responseCode = "404", description = "No such product")
    public List<LotView> lots(@PathParam("id") long id, @Context HttpHeaders headers) {
        Product product = products.get(id);
        String name = ProductView.pick(product.texts, headers.getAcceptableLanguages()).name;
        return lots.ofProduct(id).stream()
                .map(lot -> LotView.from(lot, name, lots.runningCampaign(lot.id).orElse(null))).toList();
    }

    private ProductView response(Product product, HttpHeaders headers) {
        return ProductView.from(product, headers.getAcceptableLanguages(), producers.livestreamReady(product.producer));
    }

    private List<ProductView> responses(List<Product> found, HttpHeaders headers) {
        Set<Long> ready = producers.livestreamReady(found.stream().map(p -> p.producer).distinct().toList());
        List<Locale> languages = headers.getAcceptableLanguages();
        return found.stream().map(p -> ProductView.from(p, languages, ready.contains(p.producer.id))).toList();
    }

    private static String currentProvince(String province) {
        if (province == null || province.isBlank()) {
            return null;
        }
        return Provinces.resolve(province).orElseThrow(
                () -> ProblemException.invalid("province", "is not one of the 34 provinces of Vietnam")).province();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static ProductRepository.Sort sortOf(String sort) {
        return switch (sort) {
            case "name" -> ProductRepository.Sort.NAME;
            case "price" -> ProductRepository.Sort.PRICE;
            case "-price" -> ProductRepository.Sort.PRICE_DESC;
            case "newest" -> ProductRepository.Sort.NEWEST;
            default -> throw ProblemException.invalid("sort", "must be one of name, price, -price, newest");
        };
    }
}
