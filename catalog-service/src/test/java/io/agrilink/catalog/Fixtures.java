package io.agrilink.catalog;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.Tokens;
import io.agrilink.platform.vn.Communes;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Creates what a test needs through the public API, with unique names and subjects. */
final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    static RequestSpecification as(String role, String subject) {
        return given().auth().oauth2(Tokens.of(role, subject)).contentType(ContentType.JSON);
    }

    static RequestSpecification asService() {
        return as(Roles.SERVICE, "order-service");
    }

    static RequestSpecification asStaff() {
        return as(Roles.STAFF, "staff-hoa");
    }

    static Map<String, Object> producerBody(String name, String province) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "HOUSEHOLD");
        body.put("province", province);
        body.put("commune", commune(province));
        body.put("phone", "0912 345 678");
        body.put("growingAreaCode", "VN-BGOR-0101");
        return body;
    }

    /** A real commune of the province: Xã Lục Ngạn in Bắc Ninh (or the former Bắc Giang), else its first unit. */
    static String commune(String province) {
        List<Communes.Commune> units = Communes.of(province);
        if (units.isEmpty()) {
            return "Xã Lục Ngạn";
        }
        return units.get(0).province().equals("Bắc Ninh") ? "Xã Lục Ngạn" : units.get(0).name();
    }

    /** A household in Bắc Ninh owned by {@code farmer}. */
    static long producer(String farmer) {
        return as(Roles.FARMER, farmer).body(producerBody(unique("Hộ Nguyễn Văn"), "Bắc Ninh"))
                .post("/producers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> productBody(long producerId, String viName, String enName, long pricePerKg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("producerId", producerId);
        body.put("category", "FRUIT");
        body.put("texts", Map.of(
                "vi", Map.of("name", viName, "story", "Vải chín cây, hái sáng sớm."),
                "en", Map.of("name", enName, "story", "Tree-ripened, picked at dawn.")));
        body.put("pricePerKg", pricePerKg);
        body.put("seasonMonths", List.of(5, 6, 7));
        body.put("shelfLifeDays", 7);
        body.put("coldChain", true);
        body.put("minCelsius", 2);
        body.put("maxCelsius", 5);
        return body;
    }

    static long product(String farmer, long producerId, long pricePerKg) {
        return as(Roles.FARMER, farmer)
                .body(productBody(producerId, unique("Vải thiều Lục Ngạn"), "Luc Ngan lychee", pricePerKg))
                .post("/products").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long lot(String farmer, long productId, long grams) {
        return as(Roles.FARMER, farmer)
                .body(Map.of("productId", productId, "harvestDate", LocalDate.now().toString(), "quantityGrams", grams))
                .post("/lots").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A fresh farmer, producer, product (60,000 đ/kg) and a lot of {@code grams}. */
    static long freshLot(long grams) {
        String farmer = unique("farmer");
        return lot(farmer, product(farmer, producer(farmer), 60_000), grams);
    }

    static long campaign(long lotId, long pricePerKg, long perBuyerLimitGrams, Instant startsAt, Instant endsAt) {
        return asStaff().body(Map.of("name", unique("Tuần lễ Vải thiều"), "host", "Phó Chủ tịch UBND tỉnh",
                "startsAt", startsAt.toString(), "endsAt", endsAt.toString(),
                "perBuyerLimitGrams", perBuyerLimitGrams, "targetGrams", 54_000_000L,
                "lots", List.of(Map.of("lotId", lotId, "pricePerKg", pricePerKg))))
                .post("/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> reservation(String orderRef, String buyer, Integer ttlSeconds, Object... lotAndGrams) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < lotAndGrams.length; i += 2) {
            lines.add(Map.of("lotId", lotAndGrams[i], "grams", lotAndGrams[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderRef", orderRef);
        body.put("buyer", buyer);
        if (ttlSeconds != null) {
            body.put("ttlSeconds", ttlSeconds);
        }
        body.put("lines", lines);
        return body;
    }

    static Response reserve(String orderRef, String buyer, long lotId, long grams) {
        return asService().body(reservation(orderRef, buyer, 900, lotId, grams)).post("/stock/reservations");
    }

    /** The lot's stock columns, read straight from the database. */
    record Stock(long quantity, long available, long held, long confirmed) {
        boolean balanced() {
            return available + held + confirmed == quantity && available >= 0 && held >= 0 && confirmed >= 0;
        }
    }

    static Stock stock(DataSource db, long lotId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select quantity_grams, available_grams, held_grams, confirmed_grams from lot where id = ?")) {
            s.setLong(1, lotId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Stock(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Grams in HELD or CONFIRMED reservation lines of a lot, by status. */
    static Map<String, Long> reservedByStatus(DataSource db, long lotId) {
        Map<String, Long> grams = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        select r.status, sum(l.grams) from reservation_line l join reservation r on r.id = l.reservation_id
                        where l.lot_id = ? group by r.status""")) {
            s.setLong(1, lotId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    grams.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return grams;
    }

    static long count(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh farmer holding the livestream-ready badge (granted as training-service grants it). */
    static String badged(String prefix) {
        String farmer = unique(prefix);
        asService().body(Map.of("certificateCode", unique("LS-2026"))).put("/farmers/" + farmer + "/livestream-ready")
                .then().statusCode(204);
        return farmer;
    }

    static Map<String, Object> teamBody(String name, String leader, List<String> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", "TEAM");
        body.put("province", "Bắc Ninh");
        body.put("commune", "Phường Phượng Sơn");
        body.put("leader", leader);
        body.put("members", members);
        return body;
    }

    /** A team in Bắc Ninh, Phường Phượng Sơn, led by {@code leader}. */
    static long team(String leader, String... members) {
        return asStaff().body(teamBody(unique("Tổ bán hàng Phượng Sơn"), leader, List.of(members))).post("/teams")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A running campaign over two fresh lots; answers the campaign id, then the lot ids. */
    static long[] campaignWithLots() {
        long first = freshLot(100_000);
        long second = freshLot(100_000);
        long campaign = asStaff().body(Map.of("name", unique("Tuần lễ vải thiều"), "host", "Phó Chủ tịch UBND tỉnh",
                "startsAt", Instant.now().minusSeconds(60).toString(),
                "endsAt", Instant.now().plusSeconds(7 * 24 * 3600).toString(),
                "perBuyerLimitGrams", 20_000, "targetGrams", 54_000_000L,
                "lots", List.of(Map.of("lotId", first, "pricePerKg", 45_000), Map.of("lotId", second, "pricePerKg", 45_000))))
                .post("/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
        return new long[] { campaign, first, second };
    }

    static Map<String, Object> host(String kind, String name, String subject, Long teamId) {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("kind", kind);
        if (name != null) {
            host.put("name", name);
        }
        if (subject != null) {
            host.put("subject", subject);
        }
        if (teamId != null) {
            host.put("teamId", teamId);
        }
        return host;
    }

    static Map<String, Object> streamBody(long campaign, List<Long> lots, List<Map<String, Object>> hosts) {
        Instant start = Instant.now().plusSeconds(3600);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Vải thiều Lục Ngạn – trực tiếp từ vườn");
        body.put("platform", "TIKTOK");
        body.put("url", "https://www.tiktok.com/@bacninh/live");
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plusSeconds(6 * 3600).toString());
        body.put("campaignId", campaign);
        body.put("lotIds", lots);
        body.put("hosts", hosts);
        return body;
    }

    /** A stream of a fresh campaign hosted by the vice-chairman (subject {@code leaderSubject}); answers its code. */
    static String stream(String leaderSubject) {
        long[] campaign = campaignWithLots();
        return asStaff().body(streamBody(campaign[0], List.of(campaign[1]),
                List.of(host("LEADER", "Phó Chủ tịch UBND tỉnh", leaderSubject, null))))
                .post("/livestreams").then().statusCode(201).extract().jsonPath().getString("code");
    }
}
