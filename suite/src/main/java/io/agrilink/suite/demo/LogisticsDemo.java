package io.agrilink.suite.demo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The logistics firms of the Luc Ngan lychee week: a cold-chain carrier between the orchards of
 * Bắc Ninh and Hà Nội that also collects cash on delivery, a national carrier that collects cash
 * on delivery, and an export forwarder for the US, Australian and Japanese orders. Loaded after the
 * orders (their shipments are handed over by order-service as the order demo packs them), so the
 * carriers can then move them along: the Hà Nội order stays open to take, the Hồ Chí Minh one is on
 * the road with a reading out of the cold chain (an alert for staff), the US export waits for its
 * papers and the Japanese one is delivered with the buyer's code.
 */
public class LogisticsDemo implements DemoData {

    @Override
    public int order() {
        // after the order demo (40): the shipments it hands over are what the carriers move along
        return 50;
    }

    @Override
    public String description() {
        return "carriers: cold chain, national, export; shipments taken, on the road, delivered";
    }

    @Override
    public void load(DemoContext demo) throws Exception {
        String staff = demo.token("staff", "staff-hoa");
        Map<String, Long> existing = registered(demo, staff);

        register(demo, staff, existing, "coldchain", carrier("carrier-coldchain", "Vận tải lạnh Kinh Bắc",
                List.of("Bắc Ninh", "Hà Nội"), false, List.of("COLD_CHAIN", "COD_COLLECTION"), 40));
        register(demo, staff, existing, "national", carrier("carrier-national", "Giao Hàng Toàn Quốc",
                List.of(), true, List.of("COD_COLLECTION"), 500));
        register(demo, staff, existing, "export", carrier("carrier-export", "Lục Ngạn Export Forwarding",
                List.of("Bắc Ninh", "Hà Nội", "Hồ Chí Minh", "Hải Phòng"), false, List.of("EXPORT", "COLD_CHAIN"),
                20));

        moveShipmentsAlong(demo, staff);
    }

    /** Each step only when the shipment is where the step starts, so a repeated load does not fail on a moved one. */
    private static void moveShipmentsAlong(DemoContext demo, String staff) throws Exception {
        String coldchain = demo.token("carrier", "carrier-coldchain");
        String export = demo.token("carrier", "carrier-export");

        JsonNode hcm = handedOver(demo, staff, "order.hcm");
        if (hcm != null && "OPEN".equals(hcm.path("status").asText())) {
            String path = "/shipments/" + hcm.path("id").asLong();
            demo.post("logistics", path + "/accept", coldchain, Map.of());
            demo.post("logistics", path + "/events", coldchain, Map.of("status", "PICKED_UP"));
            demo.post("logistics", path + "/temperatures", coldchain, Map.of("value", 4.0, "unit", "C"));
            demo.post("logistics", path + "/events", coldchain,
                    Map.of("status", "IN_TRANSIT", "location", "Trạm dừng nghỉ Ninh Bình, cao tốc Bắc – Nam"));
            // the reefer's door left open at the rest stop: out of 2–5 °C, an alert for staff
            demo.post("logistics", path + "/temperatures", coldchain, Map.of("value", 9.5, "unit", "C"));
        }

        JsonNode us = handedOver(demo, staff, "order.us");
        if (us != null && "OPEN".equals(us.path("status").asText())) {
            String path = "/shipments/" + us.path("id").asLong();
            demo.post("logistics", path + "/accept", export, Map.of());
            demo.put("logistics", path + "/checklist/PHYTOSANITARY_CERTIFICATE", export,
                    Map.of("documentRef", "KDTV-BN-2026-0611"));
        }

        JsonNode jp = handedOver(demo, staff, "order.jp");
        if (jp != null && "OPEN".equals(jp.path("status").asText())) {
            String path = "/shipments/" + jp.path("id").asLong();
            demo.post("logistics", path + "/accept", export, Map.of());
            demo.put("logistics", path + "/checklist/METHYL_BROMIDE_FUMIGATION", export,
                    Map.of("documentRef", "MB-HP-2026-0087"));
            demo.put("logistics", path + "/checklist/PHYTOSANITARY_CERTIFICATE", export,
                    Map.of("documentRef", "KDTV-BN-2026-0612"));
            demo.post("logistics", path + "/events", export, Map.of("status", "PICKED_UP"));
            demo.post("logistics", path + "/temperatures", export, Map.of("value", 3.5, "unit", "C"));
            demo.post("logistics", path + "/events", export,
                    Map.of("status", "IN_TRANSIT", "location", "Sân bay Nội Bài, kho hàng lạnh"));
            demo.post("logistics", path + "/events", export, Map.of("status", "OUT_FOR_DELIVERY"));
            demo.post("logistics", path + "/events", export, Map.of("status", "DELIVERED", "proof",
                    Map.of("recipientName", "Sato Hana", "deliveryCode", jp.path("deliveryCode").asText())));
        }
    }

    /**
     * The shipment of the order the order demo left as {@code fact}, once order-service's outbox has
     * handed it over (a second or two); null when that order was not placed or not packed.
     */
    private static JsonNode handedOver(DemoContext demo, String staff, String fact) throws Exception {
        Object orderId = demo.facts.get(fact);
        if (orderId == null) {
            return null;
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return demo.get("logistics", "/shipments/by-order/" + orderId, staff);
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("order " + orderId + " (" + fact
                            + ") was not handed over to logistics-service within a minute", notYet);
                }
                Thread.sleep(500);
            }
        }
    }

    private static Map<String, Object> carrier(String subject, String name, List<String> provinces,
            boolean nationwide, List<String> capabilities, int dailyCapacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("name", name);
        if (nationwide) {
            body.put("nationwide", true);
        } else {
            body.put("provinces", provinces);
        }
        body.put("capabilities", capabilities);
        body.put("dailyCapacity", dailyCapacity);
        return body;
    }

    /** Registers the carrier unless a previous run did, and leaves its id as {@code carrier.<key>}. */
    private static void register(DemoContext demo, String staff, Map<String, Long> existing, String key,
            Map<String, Object> body) throws Exception {
        String subject = (String) body.get("subject");
        Long id = existing.get(subject);
        if (id == null) {
            id = demo.post("logistics", "/carriers", staff, body).path("id").asLong();
        }
        demo.facts.put("carrier." + key, id);
    }

    private static Map<String, Long> registered(DemoContext demo, String staff) throws Exception {
        Map<String, Long> bySubject = new HashMap<>();
        for (int page = 0;; page++) {
            JsonNode result = demo.get("logistics", "/carriers?size=100&page=" + page, staff);
            JsonNode items = result.path("items");
            items.forEach(c -> bySubject.put(c.path("subject").asText(), c.path("id").asLong()));
            if (items.size() < 100) {
                return bySubject;
            }
        }
    }
}
