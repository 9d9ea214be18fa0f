package io.agrilink.suite.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Orders of the Luc Ngan lychee week: buyers in Hà Nội and Hồ Chí Minh and abroad (US, AU, JP)
 * buy the catalogue demo's lots; one order is sent twice with the same Idempotency-Key (a buyer's
 * double tap) and stays one order; bank transfers are marked paid; most orders are packed by
 * their farmers, so they flow to logistics-service through the outbox.
 */
public class OrderDemo implements DemoData {

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String description() {
        return "orders from Hà Nội, Hồ Chí Minh and abroad, one retried with the same key, some packed";
    }

    @Override
    public void load(DemoContext demo) throws Exception {
        long premium = lot(demo, "lot.lychee-premium");
        long grade1 = lot(demo, "lot.lychee-grade1");
        String staff = demo.token("staff", "staff-hoa");

        JsonNode hanoi = place(demo, "buyer-hanoi", premium, 3_000, "CASH_ON_DELIVERY", Map.of(
                "recipient", "Nguyễn Văn An", "phone", "0912 345 678", "country", "VN", "province", "Hà Nội",
                "commune", "Phường Ba Đình", "street", "12 Phố Điện Biên Phủ"));
        JsonNode hanoiGrade1 = place(demo, "buyer-hanoi", grade1, 5_000, "CASH_ON_DELIVERY", Map.of(
                "recipient", "Nguyễn Văn An", "phone", "0912 345 678", "country", "VN", "province", "Hà Nội",
                "commune", "Phường Ba Đình", "street", "12 Phố Điện Biên Phủ"));
        JsonNode hcm = place(demo, "buyer-hcm", grade1, 10_000, "BANK_TRANSFER", Map.of(
                "recipient", "Trần Thị Bích", "phone", "0908 123 456", "country", "VN", "province", "Hồ Chí Minh",
                "commune", "Phường Sài Gòn", "street", "45 Lê Duẩn"));
        JsonNode us = place(demo, "buyer-us", premium, 20_000, "BANK_TRANSFER", Map.of(
                "recipient", "Linh Nguyen", "phone", "+1 408 555 0134", "country", "US",
                "street", "1200 Story Road, San Jose, CA", "postalCode", "95122"));
        JsonNode au = place(demo, "buyer-au", premium, 15_000, "BANK_TRANSFER", Map.of(
                "recipient", "Minh Tran", "phone", "+61 2 9723 0000", "country", "AU",
                "street", "88 John Street, Cabramatta NSW", "postalCode", "2166"));
        JsonNode jp = place(demo, "buyer-jp", grade1, 12_000, "BANK_TRANSFER", Map.of(
                "recipient", "Sato Hana", "phone", "+81 3 1234 5678", "country", "JP",
                "street", "1-1 Chiyoda, Chiyoda-ku, Tokyo", "postalCode", "100-0001"));

        // the buyer in Hồ Chí Minh taps "buy" twice on a flaky network: one key, one order
        JsonNode doubleTap = placeTwiceWithOneKey(demo, "buyer-hcm", premium, 2_000, Map.of(
                "recipient", "Trần Thị Bích", "phone", "0908 123 456", "country", "VN", "province", "Hồ Chí Minh",
                "commune", "Phường Sài Gòn", "street", "45 Lê Duẩn"));

        for (JsonNode paid : List.of(hcm, us, au, jp)) {
            demo.post("order", "/orders/" + paid.get("id").asLong() + "/payment", staff,
                    Map.of("reference", "VCB-" + paid.get("id").asLong()));
        }
        // packed by their farmers: READY_FOR_PICKUP, handed to logistics-service by the outbox
        for (JsonNode packed : List.of(hanoi, hcm, us, jp)) {
            pack(demo, packed.get("id").asLong());
        }

        demo.facts.put("order.hanoi", hanoi.get("id").asLong());
        demo.facts.put("order.hanoi-grade1", hanoiGrade1.get("id").asLong());
        demo.facts.put("order.hcm", hcm.get("id").asLong());
        demo.facts.put("order.hcm-double-tap", doubleTap.get("id").asLong());
        demo.facts.put("order.us", us.get("id").asLong());
        demo.facts.put("order.au", au.get("id").asLong());
        demo.facts.put("order.jp", jp.get("id").asLong());
    }

    static long lot(DemoContext demo, String fact) {
        Object id = demo.facts.get(fact);
        if (id == null) {
            throw new IllegalStateException("The catalogue demo did not leave " + fact);
        }
        return Long.parseLong(String.valueOf(id));
    }

    private static Map<String, Object> body(long lotId, long grams, String payment, Map<String, Object> delivery) {
        return Map.of("lines", List.of(Map.of("lotId", lotId, "grams", grams)), "delivery", delivery, "payment",
                payment);
    }

    static JsonNode place(DemoContext demo, String buyer, long lotId, long grams, String payment,
            Map<String, Object> delivery) throws IOException, InterruptedException {
        return demo.post("order", "/orders", demo.token("buyer", buyer), body(lotId, grams, payment, delivery));
    }

    /** The same order placed from a livestream's page: it carries the stream's code ({@code "live"}). */
    static JsonNode placeDuringStream(DemoContext demo, String code, String buyer, long lotId, long grams,
            String payment, Map<String, Object> delivery) throws IOException, InterruptedException {
        Map<String, Object> order = new LinkedHashMap<>(body(lotId, grams, payment, delivery));
        order.put("live", code);
        return demo.post("order", "/orders", demo.token("buyer", buyer), order);
    }

    /** Sends the same order twice with one Idempotency-Key (DemoContext would give each POST a fresh key). */
    private static JsonNode placeTwiceWithOneKey(DemoContext demo, String buyer, long lotId, long grams,
            Map<String, Object> delivery) throws IOException, InterruptedException {
        URI orders = URI.create(demo.baseUrl("order") + "/orders");
        String json = DemoContext.json().writeValueAsString(body(lotId, grams, "CASH_ON_DELIVERY", delivery));
        String key = UUID.randomUUID().toString();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<JsonNode> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + demo.token("buyer", buyer))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IOException("POST /orders (attempt " + (attempt + 1) + ") answered " + response.statusCode()
                        + ": " + response.body());
            }
            answers.add(DemoContext.json().readTree(response.body()));
        }
        if (answers.get(0).get("id").asLong() != answers.get(1).get("id").asLong()) {
            throw new IllegalStateException("The retried order was created twice");
        }
        return answers.get(0);
    }

    /** Each line is packed by the first farmer who owns it, at the ordered weight less a little. */
    private static void pack(DemoContext demo, long orderId) throws IOException, InterruptedException {
        JsonNode order = demo.get("order", "/orders/" + orderId, demo.token("staff", "staff-hoa"));
        for (JsonNode line : order.get("lines")) {
            String farmer = line.path("farmers").path(0).asText("farmer-lan");
            long packed = line.get("grams").asLong() - line.get("grams").asLong() / 100;
            demo.post("order", "/orders/" + orderId + "/packing", demo.token("farmer", farmer),
                    Map.of("lines", List.of(Map.of("lineId", line.get("id").asLong(), "packedGrams", packed))));
        }
    }
}
