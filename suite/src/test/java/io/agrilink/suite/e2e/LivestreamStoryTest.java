package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.E2e.BUYER;
import static io.agrilink.suite.e2e.E2e.CARRIER;
import static io.agrilink.suite.e2e.E2e.FARMER;
import static io.agrilink.suite.e2e.E2e.STAFF;
import static io.agrilink.suite.e2e.E2e.STAFF_ROLE;
import static io.agrilink.suite.e2e.E2e.step;
import static io.agrilink.suite.e2e.E2e.subject;
import static io.agrilink.suite.e2e.RunningSuite.anonymous;
import static io.agrilink.suite.e2e.RunningSuite.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.suite.Service;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The Lục Ngạn lychee week across all four services, step by step: staff set up the campaign,
 * the farmer is trained and earns the livestream badge, buyers at home and abroad order until the
 * lot sells out, the farmer packs, logistics firms carry the fruit in the cold chain (and with
 * export papers) to the door, and every figure the programme reports agrees with what happened.
 */
class LivestreamStoryTest {

    private static final long LOT_GRAMS = 20_000;
    private static final long REGULAR_PRICE = 80_000;
    private static final long CAMPAIGN_PRICE = 65_500;
    private static final long PER_BUYER_LIMIT = 5_000;

    /** One buyer of the story: where they live and what they buy. */
    private record Buyer(String subject, String country, String province, long grams, String payment,
            Map<String, Object> delivery) {
    }

    private final String farmer = subject("farmer-lan");
    private final String otherFarmer = subject("farmer-minh");
    private final String coldChainCarrier = subject("carrier-coldchain");
    private final String exportCarrier = subject("carrier-export");
    private final List<Buyer> buyers = List.of(
            new Buyer(subject("buyer-hanoi"), "VN", "Hà Nội", 3_000, "CASH_ON_DELIVERY",
                    E2e.vietnam("Phạm Thu Hà", "Hà Nội", "Phường Hoàn Kiếm")),
            new Buyer(subject("buyer-hcm"), "VN", "Hồ Chí Minh", 4_000, "CASH_ON_DELIVERY",
                    E2e.vietnam("Lê Minh Tuấn", "TP. Hồ Chí Minh", "Phường Bến Thành")),
            new Buyer(subject("buyer-us"), "US", null, 5_000, "BANK_TRANSFER",
                    E2e.abroad("Linh Nguyen", "US", "+1 415 555 0100", "500 Stockton St, San Francisco CA", "94108")),
            new Buyer(subject("buyer-au"), "AU", null, 4_000, "BANK_TRANSFER",
                    E2e.abroad("Mai Tran", "AU", "+61 2 9374 4000", "1 Cabramatta Rd, Cabramatta NSW", "2166")),
            new Buyer(subject("buyer-jp"), "JP", null, 4_000, "BANK_TRANSFER",
                    E2e.abroad("Sato Yui", "JP", "+81 3 1234 5678", "1-1 Shibuya, Tokyo", "150-0002")));

    private long producerId;
    private long otherProducerId;
    private long productId;
    private long lotId;
    private long campaignId;
    private long courseId;
    private long sessionId;
    private long lanEnrolment;
    private long minhEnrolment;
    private String certificateCode;
    private final Map<String, Long> orderOf = new LinkedHashMap<>();
    private final Map<Long, Long> shipmentOf = new LinkedHashMap<>();
    private long coldChainCarrierId;
    private long exportCarrierId;

    @Test
    void theLucNganLycheeWeekFromCampaignToDoorAddsUp() {
        step("staff register the cooperative in Bắc Giang, stored as Bắc Ninh and owned by the farmer", () -> {
            producerId = E2e.producer(farmer, "HTX Vải thiều Lục Ngạn", "Bắc Giang", "Xã Lục Ngạn");
            anonymous(Service.CATALOG).get("/producers/" + producerId).then().statusCode(200)
                    .body("name", equalTo("HTX Vải thiều Lục Ngạn"))
                    .body("province", equalTo("Bắc Ninh"))
                    .body("provinceGiven", equalTo("Bắc Giang"))
                    .body("owners", contains(farmer))
                    .body("livestreamReady", equalTo(false));
            otherProducerId = E2e.producer(otherFarmer, "Hộ Trần Văn Minh", "Bắc Giang", "Xã Lục Ngạn");
        });

        step("the farmer lists the lychee and a lot of 20 kg", () -> {
            productId = E2e.product(farmer, producerId, REGULAR_PRICE);
            lotId = E2e.lot(farmer, productId, LOT_GRAMS);
            JsonPath lot = E2e.lotView(lotId);
            assertEquals(LOT_GRAMS, lot.getLong("availableGrams"));
            assertEquals(REGULAR_PRICE, lot.getLong("pricePerKg"));
            assertEquals(List.of(farmer), lot.getList("farmers"));
        });

        step("staff create the lychee week campaign with the lot at the campaign price and a per-buyer limit", () -> {
            Map<String, Object> campaign = new LinkedHashMap<>();
            campaign.put("name", "Tuần lễ vải thiều Lục Ngạn " + E2e.RUN);
            campaign.put("host", "Phó Chủ tịch UBND tỉnh");
            campaign.put("description", "Livestream chốt đơn vải thiều");
            campaign.put("startsAt", Instant.now().minusSeconds(60).toString());
            campaign.put("endsAt", Instant.now().plus(Duration.ofHours(6)).toString());
            campaign.put("perBuyerLimitGrams", PER_BUYER_LIMIT);
            campaign.put("targetGrams", LOT_GRAMS);
            campaign.put("lots", List.of(Map.of("lotId", lotId, "pricePerKg", CAMPAIGN_PRICE)));
            campaignId = as(Service.CATALOG, STAFF_ROLE, STAFF).body(campaign).post("/campaigns").then()
                    .statusCode(201).body("running", equalTo(true)).extract().jsonPath().getLong("id");
            JsonPath lot = E2e.lotView(lotId);
            assertEquals(CAMPAIGN_PRICE, lot.getLong("pricePerKg"), "the lot sells at the campaign price");
            assertEquals(campaignId, lot.getLong("campaignId"));
        });

        step("staff schedule the livestream-selling course in the commune hall", () -> {
            courseId = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of(
                    "code", "LIVESTREAM-" + E2e.RUN.toUpperCase(),
                    "topic", "LIVESTREAM_SELLING",
                    "hours", 8,
                    "title", Map.of("vi", "Bán hàng qua livestream", "en", "Selling by livestream"),
                    "description", Map.of("vi", "Chuẩn bị, dựng khung hình, chốt đơn")))
                    .post("/courses").then().statusCode(201).extract().jsonPath().getLong("id");
            Instant start = Instant.now().plus(Duration.ofHours(2));
            sessionId = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of(
                    "courseId", courseId,
                    "startsAt", start.toString(),
                    "endsAt", start.plus(Duration.ofHours(4)).toString(),
                    "venue", Map.of("kind", "HALL", "name", "Hội trường xã", "province", "Bắc Giang",
                            "commune", "Xã Lục Ngạn"),
                    "capacity", 30,
                    "trainer", subject("trainer-thu")))
                    .post("/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
        });

        step("the farmer (and a neighbour) enrol in the course and get seats", () -> {
            lanEnrolment = as(Service.TRAINING, FARMER, farmer)
                    .body(Map.of("province", "Bắc Giang", "commune", "Xã Lục Ngạn"))
                    .post("/sessions/" + sessionId + "/enrolments").then().statusCode(201)
                    .body("status", equalTo("SEATED")).extract().jsonPath().getLong("id");
            minhEnrolment = as(Service.TRAINING, FARMER, otherFarmer)
                    .body(Map.of("province", "Bắc Giang", "commune", "Xã Lục Ngạn"))
                    .post("/sessions/" + sessionId + "/enrolments").then().statusCode(201)
                    .body("status", equalTo("SEATED")).extract().jsonPath().getLong("id");
        });

        step("the trainer records attendance: the farmer completes the course, the neighbour does not show", () -> {
            List<Map<String, Object>> marked = as(Service.TRAINING, STAFF_ROLE, STAFF).body(Map.of("records", List.of(
                    Map.of("enrolmentId", lanEnrolment, "attendance", "ATTENDED"),
                    Map.of("enrolmentId", minhEnrolment, "attendance", "NO_SHOW"))))
                    .put("/sessions/" + sessionId + "/attendance").then().statusCode(200).extract().jsonPath()
                    .getList("$");
            certificateCode = marked.stream().filter(e -> E2e.id(e) == lanEnrolment)
                    .map(e -> (String) e.get("certificateCode")).findFirst().orElse(null);
            assertNotNull(certificateCode, "the farmer who attended holds a certificate");
            anonymous(Service.TRAINING).get("/certificates/" + certificateCode).then().statusCode(200)
                    .body("revoked", equalTo(false));
        });

        step("the farmer's producer shows livestreamReady in catalog (through training's outbox)", () -> {
            await("livestreamReady on producer " + producerId).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> anonymous(Service.CATALOG).get("/producers/" + producerId).then()
                            .statusCode(200).body("livestreamReady", equalTo(true)));
            anonymous(Service.CATALOG).get("/producers/" + otherProducerId).then().statusCode(200)
                    .body("livestreamReady", equalTo(false));
        });

        step("a buyer above the per-buyer limit is refused with the limit", () -> {
            Buyer us = buyers.get(2);
            E2e.place(us.subject(), "over-limit", E2e.order(lotId, PER_BUYER_LIMIT + 1_000, us.delivery(), us.payment()))
                    .then().statusCode(409).body("limitGrams", equalTo((int) PER_BUYER_LIMIT));
        });

        step("buyers in Hà Nội, Hồ Chí Minh City, the US, Australia and Japan order at the campaign price", () -> {
            for (Buyer buyer : buyers) {
                Response placed = E2e.place(buyer.subject(), "order-1",
                        E2e.order(lotId, buyer.grams(), buyer.delivery(), buyer.payment()));
                placed.then().statusCode(201)
                        .body("status", equalTo("CASH_ON_DELIVERY".equals(buyer.payment()) ? "CONFIRMED" : "PLACED"))
                        .body("lines[0].unitPricePerKg", equalTo((int) CAMPAIGN_PRICE))
                        .body("lines[0].campaignId", equalTo((int) campaignId))
                        .body("totalAmount", equalTo((int) amount(buyer.grams())));
                orderOf.put(buyer.subject(), placed.jsonPath().getLong("id"));
            }
        });

        step("a retry with the same Idempotency-Key gets the same answer and makes no second order", () -> {
            Buyer hanoi = buyers.get(0);
            Response again = E2e.place(hanoi.subject(), "order-1",
                    E2e.order(lotId, hanoi.grams(), hanoi.delivery(), hanoi.payment()));
            again.then().statusCode(201).header("Idempotent-Replayed", "true");
            assertEquals(orderOf.get(hanoi.subject()), again.jsonPath().getLong("id"));
            as(Service.ORDER, BUYER, hanoi.subject()).get("/orders").then().statusCode(200).body("total", equalTo(1));
        });

        step("the lot is sold out and a late buyer gets a clear 409 with gramsLeft", () -> {
            assertEquals(LOT_GRAMS, buyers.stream().mapToLong(Buyer::grams).sum());
            E2e.place(subject("buyer-late"), "late-1",
                    E2e.order(lotId, 1_000, E2e.vietnam("Khách đến muộn", "Hà Nội", "Phường Ba Đình"), "CASH_ON_DELIVERY"))
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("gramsLeft", equalTo(0)).body("lotId", equalTo((int) lotId));
            as(Service.ORDER, BUYER, subject("buyer-late")).get("/orders").then().statusCode(200).body("total", equalTo(0));
        });

        step("staff record the bank transfers of the buyers abroad", () -> {
            for (Buyer buyer : buyers) {
                if ("BANK_TRANSFER".equals(buyer.payment())) {
                    as(Service.ORDER, STAFF_ROLE, STAFF).body(Map.of("reference", "VCB-" + buyer.subject()))
                            .post("/orders/" + orderOf.get(buyer.subject()) + "/payment").then().statusCode(200)
                            .body("status", equalTo("CONFIRMED"));
                }
            }
        });

        step("catalog's stock agrees: the whole lot is confirmed, nothing held, nothing left", () -> {
            await("reservations confirmed in catalog").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> {
                        JsonPath lot = E2e.lotView(lotId);
                        assertEquals(0, lot.getLong("heldGrams"), "held");
                        assertEquals(LOT_GRAMS, lot.getLong("confirmedGrams"), "confirmed");
                        assertEquals(0, lot.getLong("availableGrams"), "available");
                    });
            anonymous(Service.CATALOG).get("/campaigns/" + campaignId).then().statusCode(200)
                    .body("reservedGrams", equalTo((int) LOT_GRAMS));
        });

        step("the farmer packs every order", () -> {
            for (long orderId : orderOf.values()) {
                E2e.pack(farmer, orderId);
            }
        });

        step("every order is handed to logistics exactly once", () -> {
            await("one shipment per order in logistics").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        Map<Long, Integer> counts = E2e.shipmentsPerOrder();
                        for (long orderId : orderOf.values()) {
                            assertEquals(1, counts.getOrDefault(orderId, 0), "shipments of order " + orderId);
                        }
                    });
            for (Buyer buyer : buyers) {
                long orderId = orderOf.get(buyer.subject());
                JsonPath shipment = as(Service.LOGISTICS, STAFF_ROLE, STAFF).get("/shipments/by-order/" + orderId)
                        .then().statusCode(200).extract().jsonPath();
                shipmentOf.put(orderId, shipment.getLong("id"));
                assertEquals("OPEN", shipment.getString("status"));
                assertEquals("Bắc Ninh", shipment.getString("pickup.province"));
                assertEquals(buyer.country(), shipment.getString("destination.country"));
                assertEquals(buyer.grams(), shipment.getLong("totalGrams"));
                assertEquals(2.0, shipment.getDouble("coldChain.minCelsius"));
                assertEquals(5.0, shipment.getDouble("coldChain.maxCelsius"));
                assertEquals(!"VN".equals(buyer.country()), shipment.getBoolean("export"));
                assertEquals("CASH_ON_DELIVERY".equals(buyer.payment()) ? amount(buyer.grams()) : 0,
                        shipment.getLong("codAmount"));
                assertEquals(requirements(buyer.country()), new java.util.HashSet<>(shipment.getList("checklist.requirement")));
            }
            await("order-service knows each shipment id").atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> shipmentOf.forEach((orderId, shipmentId) -> assertEquals(shipmentId,
                            E2e.shipmentKnownToOrder(orderId), "shipmentId of order " + orderId)));
        });

        step("staff register a cold-chain carrier and an export forwarder", () -> {
            coldChainCarrierId = as(Service.LOGISTICS, STAFF_ROLE, STAFF).body(Map.of(
                    "subject", coldChainCarrier, "name", "Lạnh Việt Logistics " + E2e.RUN,
                    "provinces", List.of("Bắc Giang", "Hà Nội", "Hồ Chí Minh"),
                    "capabilities", List.of("COLD_CHAIN", "COD_COLLECTION"), "dailyCapacity", 50))
                    .post("/carriers").then().statusCode(201).extract().jsonPath().getLong("id");
            exportCarrierId = as(Service.LOGISTICS, STAFF_ROLE, STAFF).body(Map.of(
                    "subject", exportCarrier, "name", "Vietfresh Export Forwarding " + E2e.RUN,
                    "nationwide", true, "capabilities", List.of("COLD_CHAIN", "EXPORT"), "dailyCapacity", 50))
                    .post("/carriers").then().statusCode(201).extract().jsonPath().getLong("id");
        });

        step("each carrier sees the open shipments it can serve, without the buyers' delivery codes", () -> {
            List<Number> coldOpen = as(Service.LOGISTICS, CARRIER, coldChainCarrier).queryParam("size", 100)
                    .get("/shipments/open").then().statusCode(200).extract().jsonPath().getList("items.id");
            List<Number> exportOpen = as(Service.LOGISTICS, CARRIER, exportCarrier).queryParam("size", 100)
                    .get("/shipments/open").then().statusCode(200).extract().jsonPath().getList("items.id");
            for (Buyer buyer : buyers) {
                long shipmentId = shipmentOf.get(orderOf.get(buyer.subject()));
                boolean domestic = "VN".equals(buyer.country());
                assertEquals(domestic, ids(coldOpen).contains(shipmentId), "cold-chain carrier offered " + shipmentId);
                assertEquals(!domestic, ids(exportOpen).contains(shipmentId), "export forwarder offered " + shipmentId);
                as(Service.LOGISTICS, CARRIER, domestic ? coldChainCarrier : exportCarrier).get("/shipments/" + shipmentId)
                        .then().statusCode(200).body("deliveryCode", nullValue());
            }
        });

        step("the carriers accept, tick the export papers, keep the cold chain and deliver with the buyers' codes", () -> {
            for (Buyer buyer : buyers) {
                long orderId = orderOf.get(buyer.subject());
                long shipmentId = shipmentOf.get(orderId);
                boolean domestic = "VN".equals(buyer.country());
                String carrier = domestic ? coldChainCarrier : exportCarrier;
                deliver(carrier, shipmentId, buyer, domestic);
            }
        });

        step("order-service shows every order DELIVERED (through logistics' outbox)", () -> {
            await("orders delivered").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        for (long orderId : orderOf.values()) {
                            assertEquals("DELIVERED", E2e.orderAsStaff(orderId).getString("status"),
                                    "status of order " + orderId);
                        }
                    });
            List<String> actions = as(Service.ORDER, BUYER, buyers.get(2).subject())
                    .get("/orders/" + orderOf.get(buyers.get(2).subject()) + "/history").then().statusCode(200)
                    .extract().jsonPath().getList("toStatus");
            assertTrue(actions.containsAll(List.of("CONFIRMED", "READY_FOR_PICKUP", "HANDED_OVER", "IN_TRANSIT",
                    "DELIVERED")), "the US order's history: " + actions);
        });

        step("the campaign dashboard adds up to the grams, đồng and buyers of the sale", () -> {
            JsonPath dashboard = as(Service.ORDER, STAFF_ROLE, STAFF).get("/dashboard/campaigns/" + campaignId).then()
                    .statusCode(200).extract().jsonPath();
            long revenue = buyers.stream().mapToLong(b -> amount(b.grams())).sum();
            assertEquals(buyers.size(), dashboard.getLong("orders"));
            assertEquals(LOT_GRAMS, dashboard.getLong("grams"));
            assertEquals(LOT_GRAMS / 1000 * CAMPAIGN_PRICE, revenue, "20 kg at the campaign price");
            assertEquals(revenue, dashboard.getLong("revenue"));
            assertGroup(dashboard, "byProvince", "Hà Nội", 1, 3_000);
            assertGroup(dashboard, "byProvince", "Hồ Chí Minh", 1, 4_000);
            assertGroup(dashboard, "byCountry", "VN", 2, 7_000);
            assertGroup(dashboard, "byCountry", "US", 1, 5_000);
            assertGroup(dashboard, "byCountry", "AU", 1, 4_000);
            assertGroup(dashboard, "byCountry", "JP", 1, 4_000);
            assertEquals(4, dashboard.getList("byCountry").size(), "countries: " + dashboard.getList("byCountry.key"));
            assertEquals(2, dashboard.getList("byProvince").size(), "provinces: " + dashboard.getList("byProvince.key"));
            for (String groups : List.of("byCountry", "perMinute")) {
                assertSums(dashboard, groups, buyers.size(), LOT_GRAMS, revenue);
            }
            // byProvince groups the Vietnamese orders only: they add up to the VN country group
            assertSums(dashboard, "byProvince", 2, 7_000, amount(7_000));
        });

        step("the training report counts one completion and one no-show, and the trained farmer's listing", () -> {
            JsonPath report = as(Service.TRAINING, STAFF_ROLE, STAFF).queryParam("courseId", courseId)
                    .get("/reports/training").then().statusCode(200).extract().jsonPath();
            assertEquals(1, report.getList("byCourse").size());
            assertEquals(2, report.getLong("byCourse[0].enrolments"));
            assertEquals(1, report.getLong("byCourse[0].attended"));
            assertEquals(1, report.getLong("byCourse[0].noShow"));
            assertEquals(0, report.getLong("byCourse[0].partial"));
            assertEquals(0.5, report.getDouble("byCourse[0].completionRate"));
            assertEquals(0.5, report.getDouble("byCourse[0].noShowRate"));
            assertEquals(List.of("Bắc Ninh"), report.getList("byProvince.province"));
            assertEquals(1, report.getLong("listings.trainedFarmers"));
            assertEquals(1, report.getLong("listings.farmersListingProducts"));
            assertEquals(1, report.getLong("listings.productsListed"));
            assertEquals("available", report.getString("listings.catalog"));
        });

        step("each carrier's on-time rate counts exactly its deliveries", () -> {
            as(Service.LOGISTICS, STAFF_ROLE, STAFF).get("/carriers/" + coldChainCarrierId + "/performance").then()
                    .statusCode(200).body("delivered", equalTo(2)).body("deliveredOnTime", equalTo(2))
                    .body("onTimeRate", equalTo(1.0f));
            as(Service.LOGISTICS, CARRIER, exportCarrier).get("/carriers/" + exportCarrierId + "/performance").then()
                    .statusCode(200).body("delivered", equalTo(3)).body("deliveredOnTime", equalTo(3))
                    .body("onTimeRate", equalTo(1.0f));
        });
    }

    /** One carrier takes one shipment from acceptance to the buyer's door. */
    private void deliver(String carrier, long shipmentId, Buyer buyer, boolean domestic) {
        as(Service.LOGISTICS, CARRIER, carrier).post("/shipments/" + shipmentId + "/accept").then().statusCode(200)
                .body("status", equalTo("ASSIGNED"));
        if (!domestic) {
            as(Service.LOGISTICS, CARRIER, carrier).body(Map.of("status", "PICKED_UP"))
                    .post("/shipments/" + shipmentId + "/events").then().statusCode(409)
                    .body("missing", notNullValue());
            for (String requirement : requirements(buyer.country())) {
                as(Service.LOGISTICS, CARRIER, carrier).body(Map.of("documentRef", requirement + "/" + shipmentId))
                        .put("/shipments/" + shipmentId + "/checklist/" + requirement).then().statusCode(200);
            }
        }
        event(carrier, shipmentId, Map.of("status", "PICKED_UP"));
        as(Service.LOGISTICS, CARRIER, carrier).body(Map.of("value", 3.5, "unit", "C"))
                .post("/shipments/" + shipmentId + "/temperatures").then().statusCode(201);
        event(carrier, shipmentId, Map.of("status", "IN_TRANSIT", "location",
                domestic ? "Kho lạnh Bắc Ninh" : "Nội Bài cargo terminal"));
        as(Service.LOGISTICS, CARRIER, carrier).body(Map.of("value", 38.3, "unit", "F"))
                .post("/shipments/" + shipmentId + "/temperatures").then().statusCode(201);
        event(carrier, shipmentId, Map.of("status", "OUT_FOR_DELIVERY"));
        String code = as(Service.LOGISTICS, STAFF_ROLE, STAFF).get("/shipments/" + shipmentId).then().statusCode(200)
                .body("deliveryCode", matchesPattern("\\d{6}")).extract().jsonPath().getString("deliveryCode");
        Map<String, Object> delivered = new LinkedHashMap<>();
        delivered.put("status", "DELIVERED");
        delivered.put("proof", Map.of("recipientName", buyer.delivery().get("recipient"), "photoRef",
                "photo-" + shipmentId, "deliveryCode", code));
        if (domestic) {
            delivered.put("cashCollected", amount(buyer.grams()));
        }
        event(carrier, shipmentId, delivered);
        JsonPath shipment = as(Service.LOGISTICS, STAFF_ROLE, STAFF).get("/shipments/" + shipmentId).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("DELIVERED", shipment.getString("status"));
        assertEquals(false, shipment.getBoolean("temperatureBreached"), "temperature breached");
        assertEquals(false, shipment.getBoolean("codMismatch"), "cash on delivery mismatch");
        JsonPath tracking = as(Service.LOGISTICS, CARRIER, carrier).get("/shipments/" + shipmentId + "/tracking")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3.5, 3.5), tracking.getList("readings.celsius", Double.class), "readings in °C");
        assertEquals(List.of(false, false), tracking.getList("readings.outOfRange"), "readings out of range");
    }

    private static void event(String carrier, long shipmentId, Map<String, Object> body) {
        as(Service.LOGISTICS, CARRIER, carrier).body(body).post("/shipments/" + shipmentId + "/events").then()
                .statusCode(200).body("status", equalTo(body.get("status")));
    }

    private static java.util.Set<String> requirements(String country) {
        return switch (country) {
            case "VN" -> java.util.Set.of();
            case "US" -> java.util.Set.of("IRRADIATION_400GY", "REGISTERED_ORCHARD", "PHYTOSANITARY_CERTIFICATE");
            case "AU" -> java.util.Set.of("IRRADIATION_400GY", "IMPORT_PERMIT", "PHYTOSANITARY_CERTIFICATE");
            case "JP" -> java.util.Set.of("METHYL_BROMIDE_FUMIGATION", "PHYTOSANITARY_CERTIFICATE");
            default -> java.util.Set.of("PHYTOSANITARY_CERTIFICATE");
        };
    }

    /** Price per kg × grams / 1000, rounded half up to the whole đồng (order-service's rule). */
    private static long amount(long grams) {
        return (CAMPAIGN_PRICE * grams + 500) / 1000;
    }

    private static List<Long> ids(List<Number> numbers) {
        List<Long> ids = new ArrayList<>();
        numbers.forEach(n -> ids.add(n.longValue()));
        return ids;
    }

    private static void assertSums(JsonPath dashboard, String groups, long orders, long grams, long revenue) {
        assertEquals(orders, sum(dashboard.getList(groups + ".orders")), groups + " orders");
        assertEquals(grams, sum(dashboard.getList(groups + ".grams")), groups + " grams");
        assertEquals(revenue, sum(dashboard.getList(groups + ".revenue")), groups + " revenue");
    }

    private static long sum(List<Number> numbers) {
        return numbers.stream().mapToLong(Number::longValue).sum();
    }

    private static void assertGroup(JsonPath dashboard, String groups, String key, long orders, long grams) {
        List<Map<String, Object>> all = dashboard.getList(groups);
        Map<String, Object> group = all.stream().filter(g -> key.equals(g.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError(groups + " has no " + key + ": " + all));
        assertEquals(orders, ((Number) group.get("orders")).longValue(), groups + " " + key + " orders");
        assertEquals(grams, ((Number) group.get("grams")).longValue(), groups + " " + key + " grams");
        assertEquals(amount(grams), ((Number) group.get("revenue")).longValue(), groups + " " + key + " revenue");
    }
}
