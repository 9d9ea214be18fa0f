package io.agrilink.suite.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The training side of the Luc Ngan lychee week: the province's free digital-skills courses
 * (livestream selling, packaging design, filming), the May livestream class in the Lục Ngạn
 * commune hall, an online packaging class, and farmer-lan's cohort that has just finished,
 * which certifies her and (through catalog-service) marks her cooperative livestream-ready; and
 * the KOL/KOC club in Tân Sơn, full, where a freed seat is on offer to farmer-thu (held 48 hours).
 */
public class TrainingDemo implements DemoData {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String description() {
        return "courses, sessions, enrolments, farmer-lan's certificate and farmer-thu's waitlist offer";
    }

    @Override
    public void load(DemoContext demo) throws Exception {
        String staff = demo.token("staff", "staff-hoa");
        Map<String, Long> courses = existingCourses(demo, staff);

        long livestream = course(demo, staff, courses, "LIVESTREAM-101", "LIVESTREAM_SELLING", 16,
                "Bán hàng qua livestream", "Selling by livestream",
                "Chuẩn bị kịch bản, ánh sáng, chốt đơn và chăm sóc khách khi bán vải thiều qua livestream.",
                List.of());
        long packaging = course(demo, staff, courses, "PACKAGING-101", "PACKAGING_DESIGN", 8,
                "Thiết kế bao bì nông sản", "Packaging design for farm produce",
                "Bao bì giữ lạnh cho vải tươi, nhãn truy xuất nguồn gốc, mã vùng trồng và thương hiệu HTX.",
                List.of());
        long filming = course(demo, staff, courses, "FILMING-101", "FILMING", 12,
                "Quay phim chuyên nghiệp bằng điện thoại", "Professional filming with a phone",
                "Quay và dựng video giới thiệu vườn vải, quy trình thu hoạch và đóng gói.",
                List.of(livestream));
        demo.facts.put("course.livestream", livestream);
        demo.facts.put("course.packaging", packaging);
        demo.facts.put("course.filming", filming);

        // the May class in the Lục Ngạn commune hall: the next 20 May, 08:00 to 11:30
        LocalDate may20 = LocalDate.now(VIETNAM).withMonth(5).withDayOfMonth(20);
        if (!may20.isAfter(LocalDate.now(VIETNAM))) {
            may20 = may20.plusYears(1);
        }
        long mayClass = session(demo, staff, livestream, at(may20, 8, 0), at(may20, 11, 30),
                hall("Hội trường UBND xã Lục Ngạn", "Xã Lục Ngạn"), 30, "trainer-tuan", null);
        demo.facts.put("session.livestream-may", mayClass);

        // the packaging class online, in two weeks
        LocalDate inTwoWeeks = LocalDate.now(VIETNAM).plusWeeks(2);
        long online = session(demo, staff, packaging, at(inTwoWeeks, 19, 30), at(inTwoWeeks, 21, 30),
                Map.of("kind", "ONLINE", "name", "Zalo Meeting", "url", "https://meet.agrilink.vn/dong-goi-vai"),
                100, "trainer-ngoc", null);
        demo.facts.put("session.packaging-online", online);

        // farmer-lan's cohort: a practice session at the cooperative that is finishing now
        Instant now = Instant.now();
        long cohort = session(demo, staff, livestream, now.minus(Duration.ofHours(3)), now.plus(Duration.ofHours(1)),
                hall("Nhà văn hóa HTX Vải thiều Lục Ngạn", "Xã Lục Ngạn"), 20, "trainer-tuan",
                now.minus(Duration.ofDays(7)));
        demo.facts.put("session.livestream-cohort", cohort);

        long lanCohort = demo.post("training", "/sessions/" + cohort + "/enrolments",
                demo.token("farmer", "farmer-lan"), Map.of("name", "Nguyễn Thị Lan", "province", "Bắc Ninh",
                        "commune", "Xã Lục Ngạn")).path("id").asLong();
        JsonNode recorded = demo.put("training", "/sessions/" + cohort + "/attendance", staff,
                Map.of("records", List.of(Map.of("enrolmentId", lanCohort, "attendance", "ATTENDED"))));
        String certificate = recorded.path(0).path("certificateCode").asText();
        demo.facts.put("certificate.farmer-lan", certificate);

        // the May class: farmer-minh enrols from his phone, a commune officer enrols three more
        demo.post("training", "/sessions/" + mayClass + "/enrolments", demo.token("farmer", "farmer-minh"),
                Map.of("name", "Trần Văn Minh", "province", "Bắc Ninh", "commune", "Xã Lục Ngạn"));
        for (String[] farmer : List.of(
                new String[] { "farmer-hung", "Lương Văn Hùng", "Xã Lục Ngạn" },
                new String[] { "farmer-mai", "Hoàng Thị Mai", "Xã Tân Sơn" },
                new String[] { "farmer-thao", "Đặng Thị Thảo", "Xã Lục Ngạn" })) {
            demo.post("training", "/sessions/" + mayClass + "/enrolments", staff,
                    Map.of("farmer", farmer[0], "name", farmer[1], "province", "Bắc Ninh", "commune", farmer[2]));
        }

        // filming needs the livestream course first: farmer-lan, just certified, may take it
        LocalDate inThreeWeeks = LocalDate.now(VIETNAM).plusWeeks(3);
        long filmingClass = session(demo, staff, filming, at(inThreeWeeks, 8, 0), at(inThreeWeeks, 16, 0),
                hall("Hội trường UBND xã Lục Ngạn", "Xã Lục Ngạn"), 15, "trainer-tuan", null);
        demo.facts.put("session.filming", filmingClass);
        demo.post("training", "/sessions/" + filmingClass + "/enrolments", demo.token("farmer", "farmer-lan"),
                Map.of("name", "Nguyễn Thị Lan", "province", "Bắc Ninh", "commune", "Xã Lục Ngạn"));

        // the packaging class online: farmer-lan and farmer-minh
        demo.post("training", "/sessions/" + online + "/enrolments", demo.token("farmer", "farmer-lan"),
                Map.of("name", "Nguyễn Thị Lan", "province", "Bắc Ninh", "commune", "Xã Lục Ngạn"));
        demo.post("training", "/sessions/" + online + "/enrolments", demo.token("farmer", "farmer-minh"),
                Map.of("name", "Trần Văn Minh", "province", "Bắc Ninh", "commune", "Xã Lục Ngạn"));

        // the KOL/KOC club in Tân Sơn has two seats: Hùng and Mai took them, Thu (from her phone) and
        // Thảo wait. Mai cannot come after all: her seat is offered to Thu, held for her for the
        // service's offer hold (48 h), and Thảo is first on the waitlist. Thu's screen shows the offer.
        long kolKoc = course(demo, staff, courses, "KOL-KOC-101", "KOL_KOC", 6, "Câu lạc bộ KOL/KOC nông sản",
                "Farm KOL/KOC club",
                "Xây dựng kênh bán hàng cá nhân, hợp tác với người có ảnh hưởng ở địa phương và giữ chân khách quen.",
                List.of());
        demo.facts.put("course.kol-koc", kolKoc);
        LocalDate inTenDays = LocalDate.now(VIETNAM).plusDays(10);
        long club = session(demo, staff, kolKoc, at(inTenDays, 14, 0), at(inTenDays, 17, 0),
                hall("Nhà văn hóa xã Tân Sơn", "Xã Tân Sơn"), 2, "trainer-ngoc", null);
        demo.facts.put("session.kol-koc", club);
        demo.post("training", "/sessions/" + club + "/enrolments", staff,
                Map.of("farmer", "farmer-hung", "name", "Lương Văn Hùng", "province", "Bắc Ninh", "commune", "Xã Lục Ngạn"));
        long maiSeat = demo.post("training", "/sessions/" + club + "/enrolments", staff,
                Map.of("farmer", "farmer-mai", "name", "Hoàng Thị Mai", "province", "Bắc Ninh", "commune", "Xã Tân Sơn"))
                .path("id").asLong();
        long thuWaits = demo.post("training", "/sessions/" + club + "/enrolments", demo.token("farmer", "farmer-thu"),
                Map.of("name", "Vũ Thị Thu", "province", "Bắc Ninh", "commune", "Xã Tân Sơn")).path("id").asLong();
        demo.post("training", "/sessions/" + club + "/enrolments", staff,
                Map.of("farmer", "farmer-thao", "name", "Đặng Thị Thảo", "province", "Bắc Ninh", "commune", "Xã Lục Ngạn"));
        demo.send("training", "DELETE", "/enrolments/" + maiSeat, staff, null);
        demo.facts.put("enrolment.farmer-thu-offer", thuWaits);
    }

    private static Map<String, Object> hall(String name, String commune) {
        return Map.of("kind", "HALL", "name", name, "province", "Bắc Ninh", "commune", commune);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(VIETNAM).toInstant();
    }

    private static long course(DemoContext demo, String staff, Map<String, Long> existing, String code, String topic,
            int hours, String titleVi, String titleEn, String descriptionVi, List<Long> prerequisites)
            throws Exception {
        Long id = existing.get(code);
        if (id != null) {
            return id;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("topic", topic);
        body.put("hours", hours);
        body.put("title", Map.of("vi", titleVi, "en", titleEn));
        body.put("description", Map.of("vi", descriptionVi));
        body.put("prerequisiteIds", prerequisites);
        return demo.post("training", "/courses", staff, body).path("id").asLong();
    }

    private static long session(DemoContext demo, String staff, long course, Instant startsAt, Instant endsAt,
            Map<String, Object> venue, int capacity, String trainer, Instant opensAt) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("courseId", course);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("venue", venue);
        body.put("capacity", capacity);
        body.put("trainer", trainer);
        if (opensAt != null) {
            body.put("enrolmentOpensAt", opensAt.toString());
            body.put("enrolmentClosesAt", endsAt.toString());
        }
        return demo.post("training", "/sessions", staff, body).path("id").asLong();
    }

    private static Map<String, Long> existingCourses(DemoContext demo, String staff) throws Exception {
        Map<String, Long> byCode = new HashMap<>();
        JsonNode items = demo.get("training", "/courses?size=100", staff).path("items");
        items.forEach(c -> byCode.put(c.path("code").asText(), c.path("id").asLong()));
        return byCode;
    }
}
