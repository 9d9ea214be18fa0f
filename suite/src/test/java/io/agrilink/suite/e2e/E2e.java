package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.RunningSuite.as;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.agrilink.suite.Service;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * What the cross-service tests do again and again, through the public APIs only: register a
 * producer, list a product and a lot, place and pack orders, read stock and shipments.
 */
final class E2e {

    /** This test JVM's run: subjects and names carry it, so tests never share data by accident. */
    static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);

    static final String STAFF = "staff-hoa";
    static final String STAFF_ROLE = "staff";
    static final String FARMER = "farmer";
    static final String BUYER = "buyer";
    static final String CARRIER = "carrier";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private E2e() {
    }

    /** A subject unique to this run, e.g. {@code farmer-lan-k3x9a}. */
    static String subject(String base) {
        return base + "-" + RUN;
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Runs one step of a story; a failure names the step. */
    static void step(String name, Action action) {
        long start = System.nanoTime();
        try {
            action.run();
            System.out.printf("[e2e] step (%.1f s): %s%n", (System.nanoTime() - start) / 1e9, name);
        } catch (Throwable e) {
            System.out.printf("[e2e] step FAILED (%.1f s): %s%n", (System.nanoTime() - start) / 1e9, name);
            AssertionError failure = new AssertionError("Step \"" + name + "\" failed: " + e.getMessage(), e);
            throw failure;
        }
    }

    /** Staff register a producer owned by {@code farmer}; returns its id. */
    static long producer(String farmer, String name, String province, String commune) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "COOPERATIVE");
        body.put("province", province);
        body.put("commune", commune);
        body.put("phone", "0912 345 678");
        body.put("growingAreaCode", "VN-" + RUN.toUpperCase() + "-001");
        body.put("owners", List.of(farmer));
        return as(Service.CATALOG, STAFF_ROLE, STAFF).body(body).post("/producers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The farmer lists fresh lychee (cold chain 2–5 °C, 21 days) at {@code pricePerKg}; returns its id. */
    static long product(String farmer, long producerId, long pricePerKg) {
        return as(Service.CATALOG, FARMER, farmer).body(productBody(producerId, pricePerKg)).post("/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The body of a fresh lychee product (cold chain 2–5 °C, 21 days) of {@code producerId}. */
    static Map<String, Object> productBody(long producerId, long pricePerKg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("producerId", producerId);
        body.put("category", "FRUIT");
        body.put("texts", Map.of(
                "vi", Map.of("name", "Vải thiều Lục Ngạn", "story", "Vải chín cây, hái sáng sớm"),
                "en", Map.of("name", "Luc Ngan lychee", "story", "Tree-ripened, picked at dawn")));
        body.put("pricePerKg", pricePerKg);
        body.put("seasonMonths", List.of(5, 6, 7));
        body.put("shelfLifeDays", 21);
        body.put("coldChain", true);
        body.put("minCelsius", 2);
        body.put("maxCelsius", 5);
        return body;
    }

    /** The farmer records a harvest lot of {@code grams}; returns its id. */
    static long lot(String farmer, long productId, long grams) {
        return as(Service.CATALOG, FARMER, farmer)
                .body(Map.of("productId", productId, "harvestDate", LocalDate.now().toString(), "quantityGrams", grams))
                .post("/lots").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A real commune of each province the tests put a fresh lot in: the services refuse any other. */
    private static final Map<String, String> COMMUNES = Map.of("Bắc Ninh", "Xã Lục Ngạn", "Bắc Giang", "Xã Lục Ngạn",
            "Sơn La", "Phường Mộc Châu",
            "Điện Biên", "Phường Điện Biên Phủ", "Hưng Yên", "Phường Phố Hiến", "Thái Nguyên", "Xã Tân Cương",
            "Phú Thọ", "Xã Cao Phong");

    static String communeIn(String province) {
        String commune = COMMUNES.get(province);
        if (commune == null) {
            throw new IllegalArgumentException("add a real commune of " + province + " to E2e.COMMUNES");
        }
        return commune;
    }

    /** A producer, product and lot of {@code grams} for a new farmer; returns the lot id. */
    static long freshLot(String farmer, String province, long grams) {
        long producer = producer(farmer, "Tổ hợp tác " + farmer, province, communeIn(province));
        long product = product(farmer, producer, 70_000);
        return lot(farmer, product, grams);
    }

    /** The lot as anyone sees it in catalog-service (stock columns included). */
    static JsonPath lotView(long lotId) {
        return RunningSuite.anonymous(Service.CATALOG).get("/lots/" + lotId).then().statusCode(200).extract()
                .jsonPath();
    }

    static Map<String, Object> vietnam(String recipient, String province, String commune) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("recipient", recipient);
        d.put("phone", "0987 654 321");
        d.put("country", "VN");
        d.put("province", province);
        d.put("commune", commune);
        d.put("street", "12 Phố Hàng Bạc");
        return d;
    }

    static Map<String, Object> abroad(String recipient, String country, String phone, String street, String postalCode) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("recipient", recipient);
        d.put("phone", phone);
        d.put("country", country);
        d.put("street", street);
        d.put("postalCode", postalCode);
        return d;
    }

    static Map<String, Object> order(long lotId, long grams, Map<String, Object> delivery, String payment) {
        return Map.of("lines", List.of(Map.of("lotId", lotId, "grams", grams)), "delivery", delivery, "payment", payment);
    }

    /** POST /orders as {@code buyer} with an Idempotency-Key. */
    static Response place(String buyer, String key, Map<String, Object> order) {
        return as(Service.ORDER, BUYER, buyer).header("Idempotency-Key", key).body(order).post("/orders");
    }

    /** A cash-on-delivery order of {@code grams} to Hà Nội. */
    static Map<String, Object> codOrder(long lotId, long grams) {
        return order(lotId, grams, vietnam("Người mua", "Hà Nội", "Phường Hoàn Kiếm"), "CASH_ON_DELIVERY");
    }

    static JsonPath orderAsStaff(long orderId) {
        return as(Service.ORDER, STAFF_ROLE, STAFF).get("/orders/" + orderId).then().statusCode(200).extract()
                .jsonPath();
    }

    /** The shipment order-service has recorded for the order, or null while the handoff is under way. */
    static Long shipmentKnownToOrder(long orderId) {
        Number shipment = orderAsStaff(orderId).get("shipmentId");
        return shipment == null ? null : shipment.longValue();
    }

    /** The farmer packs every line of the order at its ordered weight. */
    static void pack(String farmer, long orderId) {
        JsonPath order = as(Service.ORDER, FARMER, farmer).get("/orders/" + orderId).then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : order.<Map<String, Object>> getList("lines")) {
            lines.add(Map.of("lineId", ((Number) line.get("id")).longValue(), "packedGrams",
                    ((Number) line.get("grams")).longValue()));
        }
        as(Service.ORDER, FARMER, farmer).body(Map.of("lines", lines)).post("/orders/" + orderId + "/packing")
                .then().statusCode(200).body("status", equalTo("READY_FOR_PICKUP"));
    }

    /** How many shipments logistics-service holds for each order id (every page of the staff search). */
    static Map<Long, Integer> shipmentsPerOrder() {
        Map<Long, Integer> counts = new HashMap<>();
        for (int page = 0;; page++) {
            JsonPath found = as(Service.LOGISTICS, STAFF_ROLE, STAFF).queryParam("page", page).queryParam("size", 100)
                    .get("/shipments").then().statusCode(200).extract().jsonPath();
            List<Number> orderIds = found.getList("items.orderId");
            orderIds.forEach(id -> counts.merge(id.longValue(), 1, Integer::sum));
            if (orderIds.isEmpty() || (long) (page + 1) * 100 >= found.getLong("total")) {
                return counts;
            }
        }
    }

    /** Every order of {@code buyer} (staff's view), as JSON objects. */
    static List<Map<String, Object>> ordersOf(String buyer) {
        return as(Service.ORDER, STAFF_ROLE, STAFF).queryParam("buyer", buyer).queryParam("size", 100)
                .get("/orders").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The HTTP status of a service's readiness check, or -1 when it does not answer. */
    static int readiness(Service service) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(RunningSuite.get().baseUrl(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static long grams(Map<String, Object> order, long lotId) {
        long sum = 0;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
        for (Map<String, Object> line : lines) {
            if (((Number) line.get("lotId")).longValue() == lotId) {
                sum += ((Number) line.get("grams")).longValue();
            }
        }
        return sum;
    }

    static long id(Map<String, Object> json) {
        return ((Number) json.get("id")).longValue();
    }
}
