package io.agrilink.suite.demo;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalogue of the Luc Ngan lychee week: the cooperative "HTX Vải thiều Lục Ngạn" of
 * farmer-lan and the households around it in Bắc Ninh (one given under the former province name
 * "Bắc Giang", stored as "Bắc Ninh"), two lychee grades, other OCOP products, and the campaign
 * "Tuần lễ Vải thiều Lục Ngạn 2026" with its 54-tonne lot.
 * <p>
 * The campaign window and harvest dates are set around the moment the demo runs, so that the
 * campaign price applies and the lots are within their best-before when the order demo buys.
 */
public final class CatalogDemo implements DemoData {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final long TONNE = 1_000_000L;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String description() {
        return "producers, products, harvest lots and the Luc Ngan lychee week campaign";
    }

    @Override
    public void load(DemoContext demo) throws Exception {
        String staff = demo.token("staff", "staff-hoa");
        String lan = demo.token("farmer", "farmer-lan");
        String minh = demo.token("farmer", "farmer-minh");
        LocalDate today = LocalDate.now(VIETNAM);

        // ---- producers
        long cooperative = id(demo.post("catalog", "/producers", staff, producer(
                "HTX Vải thiều Lục Ngạn", "COOPERATIVE", "Bắc Ninh", "Xã Lục Ngạn", "0204 3882 468", "VN-BGOR-0101",
                // the GlobalG.A.P. certificate is due for renewal this month: farmer-lan's home page flags it
                List.of(certification("VIETGAP", "VietGAP-TT-03-12-0015", today.minusYears(1), today.plusYears(2)),
                        certification("GLOBALGAP", "GGN-4063061234567", today.minusMonths(11), today.plusDays(25))),
                Map.of("stars", 4, "level", "PROVINCIAL", "expiresOn", today.plusYears(2).toString()),
                List.of("farmer-lan"))));
        // farmer-minh registers his own household, under the former province name
        long minhHousehold = id(demo.post("catalog", "/producers", minh, producer(
                "Hộ Trần Văn Minh", "HOUSEHOLD", "Bắc Giang", "Xã Nam Dương", "0912 345 001", "VN-BGOR-0117",
                List.of(certification("VIETGAP", "VietGAP-TT-03-12-0211", today.minusMonths(10), today.plusYears(1))),
                Map.of("stars", 3, "level", "PROVINCIAL", "expiresOn", today.plusYears(1).toString()), null)));
        long thuHousehold = id(demo.post("catalog", "/producers", staff, producer(
                "Hộ Lê Thị Thu", "HOUSEHOLD", "Bắc Ninh", "Xã Kiên Lao", "0987 654 002", "VN-BGOR-0122",
                List.of(), null, List.of("farmer-thu"))));
        long hungHousehold = id(demo.post("catalog", "/producers", staff, producer(
                "Hộ Phạm Văn Hùng", "HOUSEHOLD", "Bắc Ninh", "Xã Biển Động", "0868 123 003", "VN-BGOR-0131",
                List.of(certification("ORGANIC", "TCVN-11041-2026-08", today.minusMonths(3), today.plusYears(3))),
                null, List.of("farmer-hung"))));
        long longanFarm = id(demo.post("catalog", "/producers", staff, producer(
                "Công ty TNHH Nhãn lồng Phố Hiến", "ENTERPRISE", "Hưng Yên", "Phường Phố Hiến", "0221 3862 555",
                "VN-HYOR-0042", List.of(certification("VIETGAP", "VietGAP-TT-05-07-0099", today.minusYears(1),
                        today.plusYears(1))),
                Map.of("stars", 4, "level", "PROVINCIAL", "expiresOn", today.plusYears(2).toString()), List.of())));

        // ---- products
        long premium = id(demo.post("catalog", "/products", lan, product(cooperative, "FRUIT", Map.of(
                "vi", text("Vải thiều Lục Ngạn – loại đặc biệt",
                        "Quả to đều, vỏ đỏ, cùi dày, hạt lép; hái lúc sáng sớm và vào kho lạnh trong ngày."),
                "en", text("Luc Ngan lychee – premium grade",
                        "Large, even fruit with red skin, thick flesh and a small seed; picked at dawn and chilled the same day."),
                "ja", text("ルックガン・ライチ 特選", "朝摘みの大粒ライチ。当日中に冷蔵しています。"),
                "zh-Hans", text("陆岸荔枝 特级", "清晨采摘，当天进入冷库。")),
                65_000, List.of(5, 6, 7), 10, true, 2, 5)));
        long grade1 = id(demo.post("catalog", "/products", lan, product(cooperative, "FRUIT", Map.of(
                "vi", text("Vải thiều Lục Ngạn – loại 1", "Vải thiều chín cây, đạt chuẩn VietGAP."),
                "en", text("Luc Ngan lychee – grade 1", "Tree-ripened lychee grown to VietGAP."),
                "ja", text("ルックガン・ライチ 1級", "VietGAP認証の樹上完熟ライチ。")),
                45_000, List.of(5, 6, 7), 7, true, 2, 5)));
        long honey = id(demo.post("catalog", "/products", minh, product(minhHousehold, "HONEY", Map.of(
                "vi", text("Mật ong hoa vải Lục Ngạn", "Mật ong ong nội thu từ mùa hoa vải tháng Hai, tháng Ba."),
                "en", text("Luc Ngan lychee-blossom honey",
                        "Honey from local bees, gathered while the lychee orchards bloom in February and March.")),
                350_000, List.of(3, 4), 720, false, null, null)));
        long driedLychee = id(demo.post("catalog", "/products", staff, product(thuHousehold, "DRIED", Map.of(
                "vi", text("Vải thiều sấy khô Lục Ngạn", "Sấy bằng lò than củi truyền thống."),
                "en", text("Dried Luc Ngan lychee", "Dried in a traditional wood-fired kiln.")),
                180_000, List.of(7, 8, 9), 180, false, null, null)));
        long organicLychee = id(demo.post("catalog", "/products", staff, product(hungHousehold, "FRUIT", Map.of(
                "vi", text("Vải thiều hữu cơ Lục Ngạn", "Vải trồng hữu cơ, không thuốc bảo vệ thực vật hoá học."),
                "en", text("Organic Luc Ngan lychee", "Organically grown lychee, no synthetic pesticides.")),
                80_000, List.of(6), 7, true, 2, 5)));
        long longan = id(demo.post("catalog", "/products", staff, product(longanFarm, "FRUIT", Map.of(
                "vi", text("Nhãn lồng Hưng Yên", "Đặc sản tiến vua, cùi dày, giòn, ngọt sắc."),
                "en", text("Hung Yen longan", "The longan once sent to the royal court: thick, crisp, very sweet flesh.")),
                55_000, List.of(7, 8), 7, true, 4, 8)));

        // ---- harvest lots
        long premiumLot = id(demo.post("catalog", "/lots", lan, lot(premium, today, 54 * TONNE)));
        long grade1Lot = id(demo.post("catalog", "/lots", lan, lot(grade1, today, 20 * TONNE)));
        long honeyLot = id(demo.post("catalog", "/lots", minh, lot(honey, today.minusMonths(2), 800_000L)));
        long driedLot = id(demo.post("catalog", "/lots", staff, lot(driedLychee, today.minusDays(20), 2 * TONNE)));
        long organicLot = id(demo.post("catalog", "/lots", staff, lot(organicLychee, today, 3 * TONNE)));
        long longanLot = id(demo.post("catalog", "/lots", staff, lot(longan, today, 10 * TONNE)));

        // ---- the campaign: a livestream week, running now
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("name", "Tuần lễ Vải thiều Lục Ngạn 2026");
        campaign.put("host", "Phó Chủ tịch UBND tỉnh Bắc Ninh");
        campaign.put("description", "Livestream bán vải thiều Lục Ngạn trực tiếp từ vườn: 54 tấn trong sáu giờ.");
        campaign.put("startsAt", start.toString());
        campaign.put("endsAt", start.plus(7, ChronoUnit.DAYS).toString());
        campaign.put("perBuyerLimitGrams", 50_000L);
        campaign.put("targetGrams", 54 * TONNE);
        campaign.put("lots", List.of(
                Map.of("lotId", premiumLot, "pricePerKg", 55_000),
                Map.of("lotId", grade1Lot, "pricePerKg", 39_000),
                Map.of("lotId", organicLot, "pricePerKg", 72_000)));
        long lycheeWeek = id(demo.post("catalog", "/campaigns", staff, campaign));

        demo.facts.put("producer.htx-luc-ngan", cooperative);
        demo.facts.put("producer.ho-tran-van-minh", minhHousehold);
        demo.facts.put("producer.nhan-long-pho-hien", longanFarm);
        demo.facts.put("product.lychee-premium", premium);
        demo.facts.put("product.lychee-grade1", grade1);
        demo.facts.put("product.honey", honey);
        demo.facts.put("product.longan", longan);
        demo.facts.put("lot.lychee-premium", premiumLot);
        demo.facts.put("lot.lychee-grade1", grade1Lot);
        demo.facts.put("lot.honey", honeyLot);
        demo.facts.put("lot.dried-lychee", driedLot);
        demo.facts.put("lot.lychee-organic", organicLot);
        demo.facts.put("lot.longan", longanLot);
        demo.facts.put("campaign.lychee-week", lycheeWeek);
    }

    private static long id(JsonNode created) throws IOException {
        JsonNode id = created.get("id");
        if (id == null || !id.canConvertToLong()) {
            throw new IOException("The catalogue answered without an id: " + created);
        }
        return id.asLong();
    }

    private static Map<String, Object> producer(String name, String kind, String province, String commune,
            String phone, String growingAreaCode, List<Map<String, Object>> certifications, Map<String, Object> ocop,
            List<String> owners) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("province", province);
        body.put("commune", commune);
        body.put("phone", phone);
        body.put("growingAreaCode", growingAreaCode);
        body.put("certifications", certifications);
        if (ocop != null) {
            body.put("ocop", ocop);
        }
        if (owners != null) {
            body.put("owners", owners);
        }
        return body;
    }

    private static Map<String, Object> certification(String scheme, String code, LocalDate issuedOn,
            LocalDate expiresOn) {
        return Map.of("scheme", scheme, "code", code, "issuedOn", issuedOn.toString(), "expiresOn",
                expiresOn.toString());
    }

    private static Map<String, String> text(String name, String story) {
        return Map.of("name", name, "story", story);
    }

    private static Map<String, Object> product(long producerId, String category, Map<String, Map<String, String>> texts,
            long pricePerKg, List<Integer> seasonMonths, int shelfLifeDays, boolean coldChain, Integer minCelsius,
            Integer maxCelsius) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("producerId", producerId);
        body.put("category", category);
        body.put("texts", texts);
        body.put("pricePerKg", pricePerKg);
        body.put("seasonMonths", seasonMonths);
        body.put("shelfLifeDays", shelfLifeDays);
        body.put("coldChain", coldChain);
        if (coldChain) {
            body.put("minCelsius", minCelsius);
            body.put("maxCelsius", maxCelsius);
        }
        return body;
    }

    private static Map<String, Object> lot(long productId, LocalDate harvestDate, long grams) {
        return Map.of("productId", productId, "harvestDate", harvestDate.toString(), "quantityGrams", grams);
    }
}
