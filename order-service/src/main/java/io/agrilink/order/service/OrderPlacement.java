package io.agrilink.order.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.config.OrderConfig;
import io.agrilink.order.payment.PaymentProviders;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.trace.RequestTrace;
import io.agrilink.platform.vn.Communes;
import io.agrilink.platform.vn.Phones;
import io.agrilink.platform.vn.Provinces;
import io.agrilink.platform.vn.VietnameseText;

/**
 * Placing an order: checks and normalises it, applies the Idempotency-Key rules, and
 * hands the placement to the {@link PlacementBatcher}. Never blocks: the answer is a future.
 */
@ApplicationScoped
public class OrderPlacement {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** Printable ASCII, as the IETF draft's sf-string allows; Stripe caps keys at 255 characters. */
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

    @Inject
    PlacementBatcher batcher;

    @Inject
    ObjectMapper json;

    @Inject
    OrderConfig config;

    @Inject
    PaymentProviders providers;

    public CompletionStage<Placement.Answer> place(String caller, String idempotencyKey, NewOrder request) {
        String key = key(idempotencyKey);
        NewOrder order = normalise(request);
        Placement placement = new Placement(caller, key, fingerprint(request), "o-" + UUID.randomUUID(), order,
                new CompletableFuture<>(), RequestTrace.current());
        CompletableFuture<Placement.Answer> answer = batcher.submit(placement);
        // a copy times out for the caller only; the placement itself runs to its end
        return answer.copy().orTimeout(config.batch().callerTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause()
                            : failure;
                    if (cause instanceof TimeoutException) {
                        return CompletableFuture.failedFuture(PlacementBatcher.unavailable(
                                "The order is taking too long; retry with the same Idempotency-Key to get its outcome"));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /**
     * Cash on delivery only in Vietnam (no courier abroad collects it); an online method only once
     * its provider is configured.
     */
    CustomerOrder.Payment payment(CustomerOrder.Payment payment, NewOrder.Delivery delivery) {
        if (payment == CustomerOrder.Payment.CASH_ON_DELIVERY && !"VN".equals(delivery.country())) {
            throw ProblemException.unprocessable("payment", "cash on delivery is only for addresses in Vietnam; "
                    + "an order abroad is paid online (BANK_TRANSFER, VNPAY or STRIPE)");
        }
        if (!providers.available(payment)) {
            throw ProblemException.unprocessable("payment", payment + " is not available");
        }
        return payment;
    }

    /** The key as sent, bare or as the draft's quoted sf-string ({@code "8e03978e-..."}). */
    static String key(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.invalid("Idempotency-Key",
                    "header is required: send a unique value (a UUID) per order, and the same value when retrying it");
        }
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 255 printable ASCII characters");
        }
        return key;
    }

    NewOrder normalise(NewOrder request) {
        List<NewOrder.Line> lines = new ArrayList<>();
        Set<Long> lots = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            NewOrder.Line line = request.lines().get(i);
            if (!lots.add(line.lotId())) {
                throw ProblemException.invalid("lines[" + i + "].lotId", "lot " + line.lotId()
                        + " is already in an earlier line: order each lot once");
            }
            lines.add(new NewOrder.Line(line.lotId(), line.grams()));
        }
        NewOrder.Delivery delivery = delivery(request.delivery());
        String live = request.live() == null ? null : request.live().strip().toUpperCase(Locale.ROOT);
        return new NewOrder(payment(request.payment(), delivery), delivery, List.copyOf(lines), live);
    }

    private static NewOrder.Delivery delivery(NewOrder.Delivery d) {
        String country = d.country().strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw ProblemException.invalid("delivery.country", "is not an ISO 3166 alpha-2 country code (VN, US, AU, JP...)");
        }
        String recipient = VietnameseText.nfc(d.recipient().strip());
        String street = VietnameseText.nfc(d.street().strip());
        String postalCode = blankToNull(d.postalCode());
        if ("VN".equals(country)) {
            String phone = Phones.normalise(d.phone())
                    .orElseThrow(() -> ProblemException.invalid("delivery.phone", "is not a Vietnamese phone number"));
            if (blankToNull(d.province()) == null) {
                throw ProblemException.invalid("delivery.province", "is required for a Vietnamese address");
            }
            String province = Provinces.resolve(d.province()).orElseThrow(() -> ProblemException.invalid(
                    "delivery.province", "is not one of the 34 provinces in force since 1 July 2025")).province();
            String commune = Communes.require(province, d.commune(), "delivery.commune").commune().name();
            return new NewOrder.Delivery(recipient, phone, country, province, commune, street, postalCode);
        }
        String phone = PHONE_SEPARATORS.matcher(d.phone().strip()).replaceAll("");
        if (!INTERNATIONAL_PHONE.matcher(phone).matches()) {
            throw ProblemException.invalid("delivery.phone", "must be an international number such as +1 415 555 0100");
        }
        if (postalCode == null) {
            throw ProblemException.invalid("delivery.postalCode", "is required for an address abroad");
        }
        String region = blankToNull(d.province());
        String locality = blankToNull(d.commune());
        return new NewOrder.Delivery(recipient, phone, country, region == null ? null : VietnameseText.nfc(region),
                locality == null ? null : VietnameseText.nfc(locality), street, postalCode);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** SHA-256 of the body as parsed and written again: spacing and member order of the JSON do not matter. */
    private String fingerprint(NewOrder request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Request cannot be fingerprinted", e);
        }
    }
}
