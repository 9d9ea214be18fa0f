package io.agrilink.suite.demo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The livestreams of the Luc Ngan lychee week. Three more farmers pass the team-selling class in
 * Phường Phượng Sơn (farmer-mai does not come), which gives them the livestream-ready badge;
 * staff form the farmer sales team "Tổ bán hàng Phượng Sơn" (farmer-lan leads farmer-minh and
 * farmer-hung) and a KOC club around farmer-thao. Three streams sell the campaign: the province's
 * vice-chairman's (staff move it), the team's (farmer-lan goes live), and a KOL's (buyer-hcm, a
 * buyer account, moves it). Buyers order with each stream's code while it is live, from several
 * provinces and abroad; the vice-chairman's and the team's end, the KOL's stays live so its
 * counter moves with every new order. The team's next stream, tomorrow evening, waits on
 * farmer-lan's {@code /host} page. So the training funnel shows farmers who were certified,
 * listed products, hosted a stream and sold.
 */
public class LivestreamDemo implements DemoData {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration REPLICA_WAIT = Duration.ofSeconds(60);
    private static final Duration BADGE_WAIT = Duration.ofSeconds(90);

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String description() {
        return "the Phượng Sơn sales team, a KOC club and three livestreams with their orders (the KOL's stays live)";
    }

    @Override
    public void load(DemoContext demo) throws Exception {
        String staff = demo.token("staff", "staff-hoa");
        long campaign = fact(demo, "campaign.lychee-week");
        long premium = OrderDemo.lot(demo, "lot.lychee-premium");
        long grade1 = OrderDemo.lot(demo, "lot.lychee-grade1");
        long organic = OrderDemo.lot(demo, "lot.lychee-organic");

        // ---- training: the team-selling class in Phường Phượng Sơn, finishing now
        certifyTeamClass(demo, staff);

        // ---- the sales team and the club (every member holds the badge, which arrives through training's outbox)
        long team = createOnceBadgesArrive(demo, staff, Map.of("name", "Tổ bán hàng Phượng Sơn", "kind", "TEAM",
                "province", "Bắc Ninh", "commune", "Phường Phượng Sơn", "leader", "farmer-lan",
                "members", List.of("farmer-lan", "farmer-minh", "farmer-hung")));
        long club = createOnceBadgesArrive(demo, staff, Map.of("name", "CLB KOC nông sản Lục Ngạn", "kind", "CLUB",
                "province", "Bắc Ninh", "commune", "Xã Lục Ngạn", "leader", "farmer-thao",
                "members", List.of("farmer-thao")));
        demo.facts.put("team.phuong-son", team);
        demo.facts.put("team.koc-club", club);

        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);

        // ---- the vice-chairman's stream: staff schedule and move it, farmer-lan at his side in the orchard
        String viceChairman = schedule(demo, staff, stream("Vải thiều Bắc Ninh – Phó Chủ tịch tỉnh cùng nông dân chốt đơn",
                "FACEBOOK", "https://www.facebook.com/bacninhtv/live", now, now.plus(Duration.ofHours(6)), campaign,
                List.of(premium, grade1), List.of(
                        host("LEADER", "Phó Chủ tịch UBND tỉnh Bắc Ninh", "staff-hoa", null),
                        host("FARMER", null, "farmer-lan", null))));
        goLive(demo, staff, viceChairman);
        order(demo, viceChairman, "buyer-hanoi", premium, 5_000, vietnam("Nguyễn Văn An", "0912 345 678", "Hà Nội",
                "Phường Ba Đình", "12 Phố Điện Biên Phủ"));
        order(demo, viceChairman, "buyer-hanoi", grade1, 3_000, vietnam("Nguyễn Thị Hạnh", "0936 222 415", "Hải Phòng",
                "Phường Hải Dương", "27 Trần Hưng Đạo"));
        order(demo, viceChairman, "buyer-hcm", premium, 4_000, vietnam("Trần Thị Bích", "0908 123 456", "Hồ Chí Minh",
                "Phường Sài Gòn", "45 Lê Duẩn"));
        order(demo, viceChairman, "buyer-hcm", premium, 2_000, vietnam("Trần Quốc Bảo", "0905 778 120", "Đà Nẵng",
                "Phường Hải Vân", "9 Nguyễn Tất Thành"));
        order(demo, viceChairman, "buyer-us", premium, 5_000, abroad("Linh Nguyen", "+1 408 555 0134", "US",
                "1200 Story Road, San Jose, CA", "95122"));
        order(demo, viceChairman, "buyer-jp", grade1, 3_000, abroad("Sato Hana", "+81 3 1234 5678", "JP",
                "1-1 Chiyoda, Chiyoda-ku, Tokyo", "100-0001"));
        demo.post("catalog", "/livestreams/" + viceChairman + "/end", staff, null);

        // ---- the team's stream: scheduled by staff, farmer-lan (the team's leader) goes live and ends it
        String lan = demo.token("farmer", "farmer-lan");
        String teamStream = schedule(demo, staff, stream("Tổ bán hàng Phượng Sơn – vải thiều hái tại vườn", "TIKTOK",
                "https://www.tiktok.com/@tophuongson/live", now, now.plus(Duration.ofHours(3)), campaign,
                List.of(organic, premium), List.of(host("TEAM", null, null, team))));
        goLive(demo, lan, teamStream);
        order(demo, teamStream, "buyer-hanoi", organic, 3_000, vietnam("Phạm Minh Đức", "0983 114 276", "Quảng Ninh",
                "Phường Hà Tu", "15 Lê Thánh Tông"));
        order(demo, teamStream, "buyer-hcm", organic, 2_000, vietnam("Lê Thị Mỹ", "0939 456 812", "Cần Thơ",
                "Phường Ninh Kiều", "3 Hai Bà Trưng"));
        order(demo, teamStream, "buyer-hanoi", premium, 2_000, vietnam("Hồ Văn Thắng", "0915 330 558", "Nghệ An",
                "Phường Thành Vinh", "88 Quang Trung"));
        order(demo, teamStream, "buyer-au", premium, 4_000, abroad("Minh Tran", "+61 2 9723 0000", "AU",
                "88 John Street, Cabramatta NSW", "2166"));
        demo.post("catalog", "/livestreams/" + teamStream + "/end", lan, null);

        // ---- the KOL's stream: buyer-hcm hosts it from her own account, and it stays live
        String hcm = demo.token("buyer", "buyer-hcm");
        String kol = schedule(demo, staff, stream("Bích Trần – đặc sản ba miền: vải thiều Lục Ngạn loại 1", "SHOPEE",
                "https://live.shopee.vn/bichtran.dacsan", now, now.plus(Duration.ofHours(8)), campaign, List.of(grade1),
                List.of(host("KOL", "Bích Trần – Đặc sản ba miền", "buyer-hcm", null))));
        goLive(demo, hcm, kol);
        order(demo, kol, "buyer-hanoi", grade1, 2_000, vietnam("Nguyễn Văn An", "0912 345 678", "Hà Nội",
                "Phường Ba Đình", "12 Phố Điện Biên Phủ"));
        order(demo, kol, "buyer-jp", grade1, 2_000, abroad("Sato Hana", "+81 3 1234 5678", "JP",
                "1-1 Chiyoda, Chiyoda-ku, Tokyo", "100-0001"));
        order(demo, kol, "buyer-au", grade1, 2_000, abroad("Minh Tran", "+61 2 9723 0000", "AU",
                "88 John Street, Cabramatta NSW", "2166"));

        // ---- the team's next stream, tomorrow at 20:00: farmer-lan's /host shows its go-live button
        Instant tomorrowEvening = LocalDate.now(VIETNAM).plusDays(1).atTime(LocalTime.of(20, 0)).atZone(VIETNAM)
                .toInstant();
        String next = schedule(demo, staff, stream("Tổ bán hàng Phượng Sơn – phiên tối: vải hữu cơ", "YOUTUBE",
                "https://www.youtube.com/@tophuongson/live", tomorrowEvening, tomorrowEvening.plus(Duration.ofHours(2)),
                campaign, List.of(organic), List.of(host("TEAM", null, null, team))));

        demo.facts.put("livestream.vice-chairman", viceChairman);
        demo.facts.put("livestream.team", teamStream);
        demo.facts.put("livestream.kol", kol);
        demo.facts.put("livestream.team-next", next);
    }

    /**
     * The team-selling class (a livestream-selling course of its own: a farmer takes each course
     * once, and farmer-minh and farmer-hung sit May's LIVESTREAM-101): farmer-minh, farmer-hung and
     * farmer-thao attend and are certified, farmer-mai does not come.
     */
    private static void certifyTeamClass(DemoContext demo, String staff) throws Exception {
        long course = existingCourse(demo, staff, "LIVESTREAM-TEAM-101");
        if (course < 0) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", "LIVESTREAM-TEAM-101");
            body.put("topic", "LIVESTREAM_SELLING");
            body.put("hours", 8);
            body.put("title", Map.of("vi", "Bán hàng livestream theo tổ", "en", "Selling by livestream as a team"));
            body.put("description", Map.of("vi",
                    "Chia vai trong tổ: người dẫn, người chốt đơn, người trả lời bình luận; kịch bản một phiên vải thiều."));
            body.put("prerequisiteIds", List.of());
            course = demo.post("training", "/courses", staff, body).path("id").asLong();
        }
        demo.facts.put("course.livestream-team", course);
        Instant now = Instant.now();
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("courseId", course);
        session.put("startsAt", now.minus(Duration.ofHours(4)).toString());
        session.put("endsAt", now.plus(Duration.ofMinutes(30)).toString());
        session.put("venue", Map.of("kind", "HALL", "name", "Nhà văn hóa phường Phượng Sơn", "province", "Bắc Ninh",
                "commune", "Phường Phượng Sơn"));
        session.put("capacity", 12);
        session.put("trainer", "trainer-tuan");
        session.put("enrolmentOpensAt", now.minus(Duration.ofDays(10)).toString());
        session.put("enrolmentClosesAt", now.plus(Duration.ofMinutes(30)).toString());
        long sessionId = demo.post("training", "/sessions", staff, session).path("id").asLong();
        demo.facts.put("session.livestream-team", sessionId);

        List<Map<String, Object>> records = new ArrayList<>();
        for (String[] farmer : List.of(
                new String[] { "farmer-minh", "Trần Văn Minh", "Xã Nam Dương", "ATTENDED" },
                new String[] { "farmer-hung", "Lương Văn Hùng", "Xã Biển Động", "ATTENDED" },
                new String[] { "farmer-thao", "Đặng Thị Thảo", "Xã Lục Ngạn", "ATTENDED" },
                new String[] { "farmer-mai", "Hoàng Thị Mai", "Xã Tân Sơn", "NO_SHOW" })) {
            long enrolment = demo.post("training", "/sessions/" + sessionId + "/enrolments", staff,
                    Map.of("farmer", farmer[0], "name", farmer[1], "province", "Bắc Ninh", "commune", farmer[2]))
                    .path("id").asLong();
            records.add(Map.of("enrolmentId", enrolment, "attendance", farmer[3]));
        }
        demo.put("training", "/sessions/" + sessionId + "/attendance", staff, Map.of("records", records));
    }

    private static long existingCourse(DemoContext demo, String staff, String code) throws Exception {
        for (JsonNode c : demo.get("training", "/courses?size=100", staff).path("items")) {
            if (code.equals(c.path("code").asText())) {
                return c.path("id").asLong();
            }
        }
        return -1;
    }

    /** POST /teams, again while catalog still answers 422 (a member's badge on its way from training). */
    private static long createOnceBadgesArrive(DemoContext demo, String staff, Map<String, Object> team)
            throws Exception {
        Instant deadline = Instant.now().plus(BADGE_WAIT);
        while (true) {
            try {
                return demo.post("catalog", "/teams", staff, team).path("id").asLong();
            } catch (IOException refused) {
                if (!refused.getMessage().contains("answered 422") || Instant.now().isAfter(deadline)) {
                    throw refused;
                }
                Thread.sleep(500);
            }
        }
    }

    private static Map<String, Object> stream(String title, String platform, String url, Instant start, Instant end,
            long campaign, List<Long> lots, List<Map<String, Object>> hosts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("platform", platform);
        body.put("url", url);
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", end.toString());
        body.put("campaignId", campaign);
        body.put("lotIds", lots);
        body.put("hosts", hosts);
        return body;
    }

    private static Map<String, Object> host(String kind, String name, String subject, Long teamId) {
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

    /** Schedules a stream; returns its code. */
    private static String schedule(DemoContext demo, String token, Map<String, Object> stream) throws Exception {
        return demo.post("catalog", "/livestreams", token, stream).path("code").asText();
    }

    /** Starts the stream as {@code mover} and waits until order-service's replica knows it is live. */
    private static void goLive(DemoContext demo, String mover, String code) throws Exception {
        demo.post("catalog", "/livestreams/" + code + "/start", mover, null);
        Instant deadline = Instant.now().plus(REPLICA_WAIT);
        while (true) {
            try {
                if ("LIVE".equals(demo.get("order", "/livestreams/" + code + "/counter", null).path("state").asText())) {
                    return;
                }
            } catch (IOException notYetKnown) {
                // 404 until catalog's outbox has delivered the first snapshot
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("order-service did not learn within " + REPLICA_WAIT.toSeconds()
                        + " s that livestream " + code + " is live");
            }
            Thread.sleep(250);
        }
    }

    /** A buyer orders from the stream's page; the order must count for the stream. */
    private static void order(DemoContext demo, String code, String buyer, long lot, long grams,
            Map<String, Object> delivery) throws Exception {
        String payment = "VN".equals(delivery.get("country")) ? "CASH_ON_DELIVERY" : "BANK_TRANSFER";
        JsonNode placed = OrderDemo.placeDuringStream(demo, code, buyer, lot, grams, payment, delivery);
        JsonNode live = placed.path("livestream");
        if (!live.path("attributed").asBoolean()) {
            throw new IllegalStateException("order " + placed.path("id").asText() + " did not count for livestream "
                    + code + ": " + live.path("reason").asText());
        }
    }

    private static Map<String, Object> vietnam(String recipient, String phone, String province, String commune,
            String street) {
        return Map.of("recipient", recipient, "phone", phone, "country", "VN", "province", province, "commune", commune,
                "street", street);
    }

    private static Map<String, Object> abroad(String recipient, String phone, String country, String street,
            String postalCode) {
        return Map.of("recipient", recipient, "phone", phone, "country", country, "street", street, "postalCode",
                postalCode);
    }

    private static long fact(DemoContext demo, String name) {
        Object value = demo.facts.get(name);
        if (value == null) {
            throw new IllegalStateException("An earlier demo loader did not leave " + name);
        }
        return Long.parseLong(String.valueOf(value));
    }
}
