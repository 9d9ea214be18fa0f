package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.E2e.BUYER;
import static io.agrilink.suite.e2e.E2e.CARRIER;
import static io.agrilink.suite.e2e.E2e.FARMER;
import static io.agrilink.suite.e2e.E2e.STAFF;
import static io.agrilink.suite.e2e.E2e.STAFF_ROLE;
import static io.agrilink.suite.e2e.E2e.step;
import static io.agrilink.suite.e2e.E2e.subject;
import static io.agrilink.suite.e2e.RunningSuite.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.agrilink.suite.Service;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * order-service and logistics-service tell the same story of every order: a cancel before pickup
 * withdraws the shipment, a cancel after pickup is refused on both sides, staff cancelling a
 * shipment cancel its order, an order from two producers is collected at both, and an order no
 * single cold chain can carry is refused when placed.
 */
class OrdersAndShipmentsAgreeTest {

    private static final Duration OUTBOX = Duration.ofSeconds(30);
    private static final Map<String, Object> HANOI = E2e.vietnam("Trần Văn Bình", "Hà Nội", "Phường Hoàn Kiếm");

    private final String lan = subject("farmer-agree-lan");
    private final String minh = subject("farmer-agree-minh");
    private final String buyer = subject("buyer-agree");
    private final String carrier = subject("carrier-agree");

    @Test
    void ordersAndTheirShipmentsNeverDisagree() {
        long[] lychee = new long[1];
        long[] avocado = new long[1];
        long[] banana = new long[1];
        long[] avocadoProducer = new long[1];

        step("two farmers list lychee (Bắc Ninh, 2–5 °C), avocado (Lâm Đồng, 2–5 °C) and banana (13–15 °C)", () -> {
            lychee[0] = E2e.freshLot(lan, "Bắc Giang", 50_000);
            avocadoProducer[0] = E2e.producer(minh, "HTX Bơ " + E2e.RUN, "Lâm Đồng", "Phường Lâm Viên - Đà Lạt");
            avocado[0] = E2e.lot(minh, E2e.product(minh, avocadoProducer[0], 60_000), 20_000);
            banana[0] = E2e.lot(minh, coldProduct(minh, avocadoProducer[0], 13, 15), 20_000);
            as(Service.LOGISTICS, STAFF_ROLE, STAFF).body(Map.of("subject", carrier, "name", "Lạnh Nam Bắc " + E2e.RUN,
                    "provinces", List.of("Bắc Ninh", "Lâm Đồng", "Hà Nội"),
                    "capabilities", List.of("COLD_CHAIN", "COD_COLLECTION"), "dailyCapacity", 50))
                    .post("/carriers").then().statusCode(201);
        });

        step("a cancel before pickup withdraws the shipment: no carrier can take it, the stock is back", () -> {
            long order = placed(E2e.codOrder(lychee[0], 2_000));
            E2e.pack(lan, order);
            long shipment = shipmentOf(order);
            as(Service.ORDER, BUYER, buyer).body(Map.of("reason", "đặt nhầm")).post("/orders/" + order + "/cancel")
                    .then().statusCode(200).body("status", equalTo("CANCELLING"));
            await("order cancelled once logistics withdrew").atMost(OUTBOX).untilAsserted(
                    () -> assertEquals("CANCELLED", E2e.orderAsStaff(order).getString("status")));
            shipment(shipment).then().body("status", equalTo("CANCELLED"));
            as(Service.LOGISTICS, CARRIER, carrier).queryParam("size", 100).get("/shipments/open").then()
                    .statusCode(200).body("items.id", not(hasItem((int) shipment)));
            as(Service.LOGISTICS, CARRIER, carrier).post("/shipments/" + shipment + "/accept").then().statusCode(409);
            await("stock released").atMost(OUTBOX).untilAsserted(
                    () -> assertEquals(50_000, E2e.lotView(lychee[0]).getLong("availableGrams")));
        });

        step("after pickup the cancel is refused, and both services say the goods are with the carrier", () -> {
            long order = placed(E2e.codOrder(lychee[0], 3_000));
            E2e.pack(lan, order);
            long shipment = shipmentOf(order);
            as(Service.LOGISTICS, CARRIER, carrier).post("/shipments/" + shipment + "/accept").then().statusCode(200);
            as(Service.LOGISTICS, CARRIER, carrier).body(Map.of("status", "PICKED_UP"))
                    .post("/shipments/" + shipment + "/events").then().statusCode(200);
            await("order handed over").atMost(OUTBOX).untilAsserted(
                    () -> assertEquals("HANDED_OVER", E2e.orderAsStaff(order).getString("status")));
            as(Service.ORDER, BUYER, buyer).body(Map.of()).post("/orders/" + order + "/cancel").then().statusCode(409);
            as(Service.ORDER, STAFF_ROLE, STAFF).body(Map.of("reason", "khách gọi hủy")).post("/orders/" + order + "/cancel")
                    .then().statusCode(409).contentType("application/problem+json");
            as(Service.LOGISTICS, STAFF_ROLE, STAFF).body(Map.of("reason", "khách gọi hủy"))
                    .post("/shipments/" + shipment + "/cancel").then().statusCode(409);
            assertEquals("HANDED_OVER", E2e.orderAsStaff(order).getString("status"));
            shipment(shipment).then().body("status", equalTo("PICKED_UP"));
        });

        step("staff cancel a shipment in logistics before pickup, and its order is cancelled too", () -> {
            long order = placed(E2e.codOrder(lychee[0], 1_000));
            E2e.pack(lan, order);
            long shipment = shipmentOf(order);
            as(Service.LOGISTICS, CARRIER, carrier).post("/shipments/" + shipment + "/accept").then().statusCode(200);
            as(Service.LOGISTICS, STAFF_ROLE, STAFF).body(Map.of("reason", "xe lạnh hỏng, hàng không đi được"))
                    .post("/shipments/" + shipment + "/cancel").then().statusCode(200)
                    .body("status", equalTo("CANCELLED"));
            await("order cancelled through logistics' outbox").atMost(OUTBOX).untilAsserted(
                    () -> assertEquals("CANCELLED", E2e.orderAsStaff(order).getString("status")));
            as(Service.LOGISTICS, CARRIER, carrier).queryParam("status", "CANCELLED").queryParam("size", 100)
                    .get("/shipments/mine").then().statusCode(200).body("items.id", hasItem((int) shipment));
        });

        step("an order from two producers is one shipment collected at both, its pickup reported to the order", () -> {
            long order = placed(Map.of("lines", List.of(Map.of("lotId", lychee[0], "grams", 2_000),
                    Map.of("lotId", avocado[0], "grams", 1_000)), "delivery", HANOI, "payment", "CASH_ON_DELIVERY"));
            packOwnLines(lan, order);
            packOwnLines(minh, order);
            long shipment = shipmentOf(order);
            as(Service.LOGISTICS, CARRIER, carrier).post("/shipments/" + shipment + "/accept").then().statusCode(200)
                    .body("pickups.province", equalTo(List.of("Bắc Ninh", "Lâm Đồng")))
                    .body("pickups[1].producerId", equalTo((int) avocadoProducer[0]))
                    .body("parcels.pickup.province", equalTo(List.of("Bắc Ninh", "Lâm Đồng")));
            as(Service.LOGISTICS, CARRIER, carrier).body(Map.of("status", "PICKED_UP"))
                    .post("/shipments/" + shipment + "/events").then().statusCode(200);
            await("order handed over").atMost(OUTBOX).untilAsserted(
                    () -> assertEquals("HANDED_OVER", E2e.orderAsStaff(order).getString("status")));
        });

        step("lines no single cold chain can carry are refused when placed, naming the lines", () -> {
            long before = E2e.lotView(banana[0]).getLong("availableGrams");
            Response refused = E2e.place(buyer, UUID.randomUUID().toString(), Map.of("lines",
                    List.of(Map.of("lotId", lychee[0], "grams", 1_000), Map.of("lotId", banana[0], "grams", 1_000)),
                    "delivery", HANOI, "payment", "CASH_ON_DELIVERY"));
            refused.then().statusCode(422).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of("lines[0].lotId", "lines[1].lotId")));
            await("the reserved grams are given back").atMost(OUTBOX).untilAsserted(
                    () -> assertEquals(before, E2e.lotView(banana[0]).getLong("availableGrams")));
        });
    }

    private long placed(Map<String, Object> order) {
        return E2e.place(buyer, UUID.randomUUID().toString(), order).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    /** The shipment of the order, once the outbox handed it over. */
    private static long shipmentOf(long order) {
        long[] id = new long[1];
        await("order " + order + " handed to logistics").atMost(OUTBOX).untilAsserted(() -> id[0] = as(
                Service.LOGISTICS, STAFF_ROLE, STAFF).get("/shipments/by-order/" + order).then().statusCode(200)
                .extract().jsonPath().getLong("id"));
        return id[0];
    }

    private static Response shipment(long id) {
        return as(Service.LOGISTICS, STAFF_ROLE, STAFF).get("/shipments/" + id);
    }

    /** The farmer packs the lines of the order that are their products, at the ordered weight. */
    private static void packOwnLines(String farmer, long orderId) {
        JsonPath order = as(Service.ORDER, FARMER, farmer).get("/orders/" + orderId).then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : order.<Map<String, Object>> getList("lines")) {
            if (((List<?>) line.get("farmers")).contains(farmer)) {
                lines.add(Map.of("lineId", ((Number) line.get("id")).longValue(), "packedGrams",
                        ((Number) line.get("grams")).longValue()));
            }
        }
        as(Service.ORDER, FARMER, farmer).body(Map.of("lines", lines)).post("/orders/" + orderId + "/packing")
                .then().statusCode(200);
    }

    /** A cold-chain product kept between these temperatures; its id. */
    private static long coldProduct(String farmer, long producerId, int minCelsius, int maxCelsius) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("producerId", producerId);
        body.put("category", "FRUIT");
        body.put("texts", Map.of("vi", Map.of("name", "Chuối tiêu hồng", "story", "Chuối chín cây"),
                "en", Map.of("name", "Pink banana", "story", "Tree-ripened")));
        body.put("pricePerKg", 30_000);
        body.put("seasonMonths", List.of(LocalDate.now().getMonthValue()));
        body.put("shelfLifeDays", 10);
        body.put("coldChain", true);
        body.put("minCelsius", minCelsius);
        body.put("maxCelsius", maxCelsius);
        return as(Service.CATALOG, FARMER, farmer).body(body).post("/products").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }
}
