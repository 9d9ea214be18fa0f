package io.agrilink.suite.demo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The logistics firms of the Luc Ngan lychee week: a cold-chain carrier between the orchards of
 * Bắc Ninh and Hà Nội, a national carrier that collects cash on delivery, and an export forwarder
 * for the US, Australian and Japanese orders. Shipments themselves arrive later, handed over by
 * order-service as the demo orders are placed.
 */
public class LogisticsDemo implements DemoData {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String description() {
        return "carriers: cold chain, national, export";
    }

    @Override
    public void load(DemoContext demo) throws Exception {
        String staff = demo.token("staff", "staff-hoa");
        Map<String, Long> existing = registered(demo, staff);

        register(demo, staff, existing, "coldchain", carrier("carrier-coldchain", "Vận tải lạnh Kinh Bắc",
                List.of("Bắc Ninh", "Hà Nội"), false, List.of("COLD_CHAIN"), 40));
        register(demo, staff, existing, "national", carrier("carrier-national", "Giao Hàng Toàn Quốc",
                List.of(), true, List.of("COD_COLLECTION"), 500));
        register(demo, staff, existing, "export", carrier("carrier-export", "Lục Ngạn Export Forwarding",
                List.of("Bắc Ninh", "Hà Nội", "Hồ Chí Minh", "Hải Phòng"), false, List.of("EXPORT", "COLD_CHAIN"),
                20));
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
