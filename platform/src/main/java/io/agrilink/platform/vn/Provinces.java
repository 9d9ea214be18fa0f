package io.agrilink.platform.vn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 34 provincial-level units in force since 1 July 2025 (Resolution 202/2025/QH15), with the
 * 63 former provinces each one absorbed. A former name is accepted and resolved to the current
 * province: "Bắc Giang" is now part of "Bắc Ninh". Matching ignores case, diacritics and the
 * prefixes "Tỉnh", "Thành phố", "TP".
 */
public final class Provinces {

    /** A name as the user gave it, resolved to the current province. */
    public record Resolved(String province, String given, boolean former) {
    }

    /** Current province → the former provinces merged into it (empty when unchanged). */
    private static final Map<String, List<String>> MERGERS = new LinkedHashMap<>();

    static {
        merged("Hà Nội");
        merged("Huế", "Thừa Thiên Huế");
        merged("Hải Phòng", "Hải Dương");
        merged("Đà Nẵng", "Quảng Nam");
        merged("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu", "Sài Gòn");
        merged("Cần Thơ", "Sóc Trăng", "Hậu Giang");
        merged("Lai Châu");
        merged("Điện Biên");
        merged("Sơn La");
        merged("Lạng Sơn");
        merged("Quảng Ninh");
        merged("Thanh Hóa", "Thanh Hoá");
        merged("Nghệ An");
        merged("Hà Tĩnh");
        merged("Cao Bằng");
        merged("Tuyên Quang", "Hà Giang");
        merged("Lào Cai", "Yên Bái");
        merged("Thái Nguyên", "Bắc Kạn", "Bắc Cạn");
        merged("Phú Thọ", "Vĩnh Phúc", "Hòa Bình", "Hoà Bình");
        merged("Bắc Ninh", "Bắc Giang");
        merged("Hưng Yên", "Thái Bình");
        merged("Ninh Bình", "Hà Nam", "Nam Định");
        merged("Quảng Trị", "Quảng Bình");
        merged("Quảng Ngãi", "Kon Tum");
        merged("Gia Lai", "Bình Định");
        merged("Khánh Hòa", "Ninh Thuận", "Khánh Hoà");
        merged("Lâm Đồng", "Đắk Nông", "Bình Thuận", "Đăk Nông");
        merged("Đắk Lắk", "Phú Yên", "Đăk Lăk");
        merged("Đồng Nai", "Bình Phước");
        merged("Tây Ninh", "Long An");
        merged("Vĩnh Long", "Bến Tre", "Trà Vinh");
        merged("Đồng Tháp", "Tiền Giang");
        merged("Cà Mau", "Bạc Liêu");
        merged("An Giang", "Kiên Giang");
    }

    private static final Map<String, String> CURRENT_BY_KEY = new LinkedHashMap<>();
    private static final Map<String, String> FORMER_BY_KEY = new LinkedHashMap<>();

    static {
        MERGERS.forEach((current, formers) -> {
            CURRENT_BY_KEY.put(key(current), current);
            formers.forEach(former -> FORMER_BY_KEY.put(key(former), current));
        });
        CURRENT_BY_KEY.put(key("Ho Chi Minh City"), "Hồ Chí Minh");
        CURRENT_BY_KEY.put(key("Hanoi"), "Hà Nội");
        CURRENT_BY_KEY.put(key("HCM"), "Hồ Chí Minh");
    }

    private Provinces() {
    }

    /** The 34 current provinces and centrally-run cities, in the order of the resolution. */
    public static List<String> all() {
        return List.copyOf(MERGERS.keySet());
    }

    /** The former provinces merged into {@code current} on 1 July 2025. */
    public static List<String> formerOf(String current) {
        return MERGERS.getOrDefault(current, Collections.emptyList());
    }

    /** Resolves a current or former name; empty when it names no Vietnamese province. */
    public static Optional<Resolved> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = key(name);
        String current = CURRENT_BY_KEY.get(key);
        if (current != null) {
            return Optional.of(new Resolved(current, VietnameseText.nfc(name), false));
        }
        String merged = FORMER_BY_KEY.get(key);
        return merged == null ? Optional.empty() : Optional.of(new Resolved(merged, VietnameseText.nfc(name), true));
    }

    /** True when {@code name} is exactly one of the 34 current names. */
    public static boolean isCurrent(String name) {
        return name != null && MERGERS.containsKey(VietnameseText.nfc(name));
    }

    private static void merged(String current, String... formers) {
        MERGERS.put(current, List.of(formers));
    }

    private static String key(String name) {
        String folded = VietnameseText.fold(name).replace('-', ' ').replace('.', ' ').replaceAll("\\s+", " ").strip();
        for (String prefix : List.of("thanh pho ", "tinh ", "tp ")) {
            if (folded.startsWith(prefix)) {
                folded = folded.substring(prefix.length());
            }
        }
        return folded.replace(" ", "");
    }
}
