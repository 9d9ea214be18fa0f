package io.agrilink.web.buyer;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.core.Response;

/** What the buyer pages offer to choose from, and where a placed order goes next. */
public final class BuyerChoices {

    /** catalog-service's certification schemes, as its search takes them. */
    public static final List<String> CERTIFICATIONS = List.of("VIETGAP", "GLOBALGAP", "ORGANIC");

    /** OCOP ratings catalog searches by ("at least"): 3 to 5 stars. */
    public static final List<String> OCOP_STARS = List.of("3", "4", "5");

    /** order-service takes up to a tonne of one lot. */
    public static final long MAX_GRAMS = 1_000_000;

    /** Grams go in half-kilo steps from half a kilo. */
    public static final long STEP_GRAMS = 500;

    /** A lot the order form offers: a campaign names its product; a product page shows the harvest date. */
    public record LotChoice(long lotId, String productName, LocalDate harvestDate, long pricePerKg, long availableGrams) {

        public boolean soldOut() {
            return availableGrams <= 0;
        }
    }

    private BuyerChoices() {
    }

    public static Long firstOnSale(List<LotChoice> choices) {
        return choices.stream().filter(c -> !c.soldOut()).map(LotChoice::lotId).findFirst().orElse(null);
    }

    /**
     * Post/redirect/get: where the order just placed (or found again by its key) goes: paid online, to
     * its payment page (the VietQR code, or the button to VNPay or Stripe); cash on delivery, to its
     * confirmation.
     */
    public static Response confirmation(BuyerOrder order) {
        String next = order.paysOnline() ? "/payment" : "/placed";
        return Response.seeOther(URI.create("/my/orders/" + order.id() + next)).build();
    }
}
