package io.agrilink.training;

import static io.agrilink.training.Fixtures.farmer;
import static io.agrilink.training.Fixtures.staff;
import static io.agrilink.training.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The funnel on populations built by hand through the API, with catalog-service's
 * {@code /farmers/activity} and order-service's {@code /sales/producers} played by
 * {@link CatalogDouble} and {@link OrderDouble}. Each population lives in a week of its own far in
 * the future, so no other test's enrolments fall in its period.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class FunnelTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate BASE = LocalDate.now(ZONE).plusDays(800 + ThreadLocalRandom.current().nextInt(3000));
    private static final AtomicInteger WEEKS = new AtomicInteger();
    private static final String[] STEPS = { "enrolled", "attended", "certified", "listedProduct", "hostedStream",
            "firstSale", "revenue" };
    private static final String[] CONVERSIONS = { "attended", "certified", "listedProduct", "hostedStream", "firstSale" };

    static final String PHUONG_SON = "Xã Phượng Sơn";
    static final String LUC_NGAN = "Xã Lục Ngạn";
    static final String TAN_SON = "Xã Tân Sơn";
    static final String TEAM_1 = "Tổ bán hàng Phượng Sơn";
    static final String TEAM_2 = "CLB \"Vải thiều\", Lục Ngạn";

    private static Population population;

    @Inject
    EntityManager em;

    @AfterEach
    void servicesUp() {
        CatalogDouble.DOWN.set(false);
        OrderDouble.DOWN.set(false);
    }

    /** A week of its own: [from, from + 6 days]. */
    private static LocalDate[] week() {
        LocalDate from = BASE.plusWeeks(2L * WEEKS.getAndIncrement());
        return new LocalDate[] { from, from.plusDays(6) };
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    private static long course(String code, String title) {
        Map<String, Object> body = Fixtures.courseBody(code, Topic.ECOMMERCE_BASICS);
        body.put("title", Map.of("vi", title, "en", "Course " + code));
        return given().auth().oauth2(staff()).contentType("application/json").body(body).post("/courses").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long session(long course, Instant start, int capacity) {
        Map<String, Object> body = Fixtures.sessionBody(course, capacity);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusSeconds(4 * 3600).toString());
        return Fixtures.session(body);
    }

    /** Records attendance; returns the certificate code of each record (null when none). */
    private static List<String> attendance(long session, Map<Long, String> marks) {
        List<Map<String, Object>> records = new ArrayList<>();
        marks.forEach((id, mark) -> records.add(Map.of("enrolmentId", id, "attendance", mark)));
        JsonPath answer = given().auth().oauth2(staff()).contentType("application/json")
                .body(Map.of("records", records)).put("/sessions/" + session + "/attendance").then().statusCode(200)
                .extract().jsonPath();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            codes.add(answer.getString("[" + i + "].certificateCode"));
        }
        return codes;
    }

    private static void activity(String subject, String commune, Long teamId, String teamName, long listed,
            long hosted, Long... producers) {
        CatalogDouble.ACTIVITY.put(subject, new CatalogDouble.FarmerActivity(subject, List.of(producers),
                commune == null ? null : "Bắc Ninh", commune, teamId, teamName, listed,
                listed > 0 ? Instant.parse("2026-05-02T03:00:00Z") : null, hosted,
                hosted > 0 ? Instant.parse("2026-06-20T12:00:00Z") : null));
    }

    /**
     * Ten farmers, two courses, three communes, two teams (and the teamless):
     * <pre>
     * farmer  course(s)  training                    commune     team     catalog             sales
     * lan     A          attended, certified         Phượng Sơn  T1       3 listed, 1 stream  P1 (co-op)
     * minh    A          attended, certified         Phượng Sơn  T1       1 listed, 2 streams P1 (co-op), P2
     * thu     A and B    attended, certified (both)  Lục Ngạn    T2       2 listed, 1 stream  P3
     * hung    A          no-show                     Phượng Sơn  T1       5 listed, 1 stream  P6
     * mai     A          attended, certificate revoked Lục Ngạn  T2       2 listed, 1 stream  P7 (sold)
     * tuan    B          attended, certified         Tân Sơn     none     1 listed, no stream
     * nga     B          attended, certified         Tân Sơn     T2       nothing listed
     * binh    B          attended, certified         Lục Ngạn    T1       1 listed, 1 stream  P4 (never sold)
     * cuc     B          waitlisted                  (enrolment: Tân Sơn) not in catalogue
     * khanh   A          enrolled, then cancelled    Phượng Sơn  T1       everything          P8 (sold)
     * dung    A          a session the day after the period, attended and certified, everything, P5 (sold)
     * </pre>
     */
    record Population(LocalDate from, LocalDate to, String codeA, String titleA, String codeB, String titleB,
            long team1, long team2, long[] producers, String[] farmers) {
    }

    private static synchronized Population population() {
        if (population != null) {
            return population;
        }
        LocalDate[] week = week();
        String f = unique("fun");
        String codeA = ("LIVE-" + f.substring(4)).toUpperCase();
        String codeB = ("QUAY-" + f.substring(4)).toUpperCase();
        String titleA = "Bán hàng qua livestream – cơ bản";
        String titleB = "Quay phim, dựng video bằng điện thoại";
        long courseA = course(codeA, titleA);
        long courseB = course(codeB, titleB);
        // the period's first minutes and its last day count, the day after does not
        long a1 = session(courseA, at(week[0], 0, 30), 10);
        long b1 = session(courseB, at(week[1], 14, 0), 4);
        long a2 = session(courseA, at(week[1].plusDays(1), 0, 30), 10);

        String lan = f + "-lan", minh = f + "-minh", thu = f + "-thu", hung = f + "-hung", mai = f + "-mai";
        String tuan = f + "-tuan", nga = f + "-nga", binh = f + "-binh", cuc = f + "-cuc", khanh = f + "-khanh";
        String dung = f + "-dung";
        Map<String, Long> inA = new HashMap<>();
        for (String farmer : List.of(lan, minh, thu, hung, mai, khanh)) {
            inA.put(farmer, Fixtures.seated(a1, farmer));
        }
        Map<String, Long> inB = new HashMap<>();
        for (String farmer : List.of(thu, tuan, nga, binh)) {
            inB.put(farmer, Fixtures.seated(b1, farmer));
        }
        given().auth().oauth2(staff()).contentType("application/json")
                .body(Map.of("farmer", cuc, "name", "Lò Thị Cúc", "province", "Bắc Giang", "commune", "Tân Sơn"))
                .post("/sessions/" + b1 + "/enrolments").then().statusCode(201).body("status", equalTo("WAITLISTED"),
                        "province", equalTo("Bắc Ninh"), "commune", equalTo(TAN_SON));
        long dungs = Fixtures.seated(a2, dung);
        given().auth().oauth2(staff()).delete("/enrolments/" + inA.get(khanh)).then().statusCode(200);

        Map<Long, String> marksA = new LinkedHashMap<>();
        marksA.put(inA.get(lan), "ATTENDED");
        marksA.put(inA.get(minh), "ATTENDED");
        marksA.put(inA.get(thu), "ATTENDED");
        marksA.put(inA.get(hung), "NO_SHOW");
        marksA.put(inA.get(mai), "ATTENDED");
        List<String> certificatesA = attendance(a1, marksA);
        given().auth().oauth2(staff()).contentType("application/json").body(Map.of("reason", "Điểm danh hộ"))
                .post("/certificates/" + certificatesA.get(4) + "/revoke").then().statusCode(200);
        Map<Long, String> marksB = new LinkedHashMap<>();
        inB.values().forEach(id -> marksB.put(id, "ATTENDED"));
        attendance(b1, marksB);
        attendance(a2, Map.of(dungs, "ATTENDED"));

        long p = 5_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 10;
        long[] producers = { p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8 };
        long team1 = 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        long team2 = team1 + 1;
        activity(lan, PHUONG_SON, team1, TEAM_1, 3, 1, producers[0]);
        activity(minh, PHUONG_SON, team1, TEAM_1, 1, 2, producers[0], producers[1]);
        activity(thu, LUC_NGAN, team2, TEAM_2, 2, 1, producers[2]);
        activity(hung, PHUONG_SON, team1, TEAM_1, 5, 1, producers[5]);
        activity(mai, LUC_NGAN, team2, TEAM_2, 2, 1, producers[6]);
        activity(tuan, TAN_SON, null, null, 1, 0);
        activity(nga, TAN_SON, team2, TEAM_2, 0, 0);
        activity(binh, LUC_NGAN, team1, TEAM_1, 1, 1, producers[3]);
        activity(khanh, "Xã Kép", team1 + 2, "Tổ Kép", 4, 4, producers[7]);
        activity(dung, "Xã Lục Sơn", team1 + 3, "Tổ Lục Sơn", 4, 4, producers[4]);
        Instant sold = Instant.parse("2026-06-20T12:30:00Z");
        OrderDouble.SALES.put(producers[0], new OrderDouble.ProducerSales(producers[0], sold, 12, 1_000_000));
        OrderDouble.SALES.put(producers[1], new OrderDouble.ProducerSales(producers[1], sold, 3, 500_000));
        OrderDouble.SALES.put(producers[2], new OrderDouble.ProducerSales(producers[2], sold.minusSeconds(86_400 * 30), 7,
                2_000_000));
        OrderDouble.SALES.put(producers[4], new OrderDouble.ProducerSales(producers[4], sold, 50, 9_000_000));
        OrderDouble.SALES.put(producers[5], new OrderDouble.ProducerSales(producers[5], sold, 1, 70_000));
        OrderDouble.SALES.put(producers[6], new OrderDouble.ProducerSales(producers[6], sold, 2, 80_000));
        OrderDouble.SALES.put(producers[7], new OrderDouble.ProducerSales(producers[7], sold, 4, 90_000));
        population = new Population(week[0], week[1], codeA, titleA, codeB, titleB, team1, team2, producers,
                new String[] { lan, minh, thu, hung, mai, tuan, nga, binh, cuc, khanh, dung });
        return population;
    }

    private static JsonPath funnel(Population p, String by) {
        return given().auth().oauth2(staff()).queryParam("by", by).queryParam("from", p.from().toString())
                .queryParam("to", p.to().toString()).get("/reports/funnel").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    private static String group(String key) {
        return "groups.find { it.key == '" + key + "' }";
    }

    /** enrolled, attended, certified, listedProduct, hostedStream, firstSale, revenue (null: not known). */
    private static void assertSteps(JsonPath funnel, String group, Long... expected) {
        for (int i = 0; i < STEPS.length; i++) {
            Number actual = funnel.get(group + "." + STEPS[i]);
            assertEquals(expected[i], actual == null ? null : actual.longValue(), group + "." + STEPS[i]);
        }
    }

    private static void assertConversions(JsonPath funnel, String group, Double... expected) {
        for (int i = 0; i < CONVERSIONS.length; i++) {
            Number actual = funnel.get(group + ".conversions." + CONVERSIONS[i]);
            Double value = actual == null ? null : Math.round(actual.doubleValue() * 1000) / 1000.0;
            assertEquals(expected[i], value, group + ".conversions." + CONVERSIONS[i]);
        }
    }

    @Test
    void funnelByCourseCountsEachStepAsASubsetOfTheOneBefore() {
        Population p = population();
        JsonPath funnel = funnel(p, "course");
        assertEquals("course", funnel.getString("by"));
        assertEquals(p.from().toString(), funnel.getString("from"));
        assertEquals(p.to().toString(), funnel.getString("to"));
        assertEquals(Map.of("catalog", "available", "orders", "available"), funnel.getMap("sources"));
        assertEquals(List.of(p.codeA(), p.codeB()), funnel.getList("groups.key"));
        assertEquals(List.of(p.titleA(), p.titleB()), funnel.getList("groups.label"));
        // khanh cancelled, dung's session is the day after: neither counts; the co-op P1 counts once
        assertSteps(funnel, group(p.codeA()), 5L, 4L, 3L, 3L, 3L, 3L, 3_500_000L);
        assertConversions(funnel, group(p.codeA()), 0.8, 0.75, 1.0, 1.0, 1.0);
        assertSteps(funnel, group(p.codeB()), 5L, 4L, 4L, 3L, 2L, 1L, 2_000_000L);
        assertConversions(funnel, group(p.codeB()), 0.8, 1.0, 0.75, 0.667, 0.5);
        // thu took both courses: once in the total
        assertSteps(funnel, "total", 9L, 7L, 6L, 5L, 4L, 3L, 3_500_000L);
        assertConversions(funnel, "total", 0.778, 0.857, 0.833, 0.8, 0.75);
        assertEquals("total", funnel.getString("total.key"));
        assertEquals("Total", funnel.getString("total.label"));
    }

    @Test
    void funnelByCommuneUsesTheProducersCommuneElseTheEnrolments() {
        Population p = population();
        JsonPath funnel = funnel(p, "commune");
        assertEquals(List.of("Bắc Ninh/" + LUC_NGAN, "Bắc Ninh/" + PHUONG_SON, "Bắc Ninh/" + TAN_SON),
                funnel.getList("groups.key"));
        assertEquals(LUC_NGAN + ", Bắc Ninh", funnel.getString(group("Bắc Ninh/" + LUC_NGAN) + ".label"));
        assertSteps(funnel, group("Bắc Ninh/" + PHUONG_SON), 3L, 2L, 2L, 2L, 2L, 2L, 1_500_000L);
        assertConversions(funnel, group("Bắc Ninh/" + PHUONG_SON), 0.667, 1.0, 1.0, 1.0, 1.0);
        assertSteps(funnel, group("Bắc Ninh/" + LUC_NGAN), 3L, 3L, 2L, 2L, 2L, 1L, 2_000_000L);
        // cuc owns no producer: the commune of her enrolment puts her here
        assertSteps(funnel, group("Bắc Ninh/" + TAN_SON), 3L, 2L, 2L, 1L, 0L, 0L, 0L);
        assertConversions(funnel, group("Bắc Ninh/" + TAN_SON), 0.667, 1.0, 0.5, 0.0, null);
        assertSteps(funnel, "total", 9L, 7L, 6L, 5L, 4L, 3L, 3_500_000L);
    }

    @Test
    void funnelByTeamCountsTheTeamlessApartAndEachProducerOncePerTeam() {
        Population p = population();
        JsonPath funnel = funnel(p, "team");
        assertEquals(List.of(String.valueOf(p.team2()), String.valueOf(p.team1()), "none"), funnel.getList("groups.key"));
        assertEquals(List.of(TEAM_2, TEAM_1, "no team"), funnel.getList("groups.label"));
        // lan and minh both own the co-op P1: 1 000 000 once, plus minh's P2
        assertSteps(funnel, group(String.valueOf(p.team1())), 4L, 3L, 3L, 3L, 3L, 2L, 1_500_000L);
        assertConversions(funnel, group(String.valueOf(p.team1())), 0.75, 1.0, 1.0, 1.0, 0.667);
        assertSteps(funnel, group(String.valueOf(p.team2())), 3L, 3L, 2L, 1L, 1L, 1L, 2_000_000L);
        assertSteps(funnel, group("none"), 2L, 1L, 1L, 1L, 0L, 0L, 0L);
        assertSteps(funnel, "total", 9L, 7L, 6L, 5L, 4L, 3L, 3_500_000L);
    }

    @Test
    void funnelAsksOnlyAboutItsFarmersAndTheProducersOfThoseWhoHosted() {
        Population p = population();
        CatalogDouble.ACTIVITY_UNTIL.clear();
        OrderDouble.CALLS.clear();
        funnel(p, "course");
        // the end of the period's last day in Asia/Ho_Chi_Minh
        assertEquals(List.of(at(p.to().plusDays(1), 0, 0)), CatalogDouble.ACTIVITY_UNTIL);
        assertEquals(1, OrderDouble.CALLS.size());
        OrderDouble.Call call = OrderDouble.CALLS.get(0);
        // lan, minh, thu and binh hosted: P1, P2, P3, P4; hung (no-show) and mai (revoked) are not asked about
        assertEquals(List.of(p.producers()[0], p.producers()[1], p.producers()[2], p.producers()[3]), call.producers());
        assertEquals(at(p.from(), 0, 0), call.from());
        assertEquals(at(p.to().plusDays(1), 0, 0), call.to());
    }

    @Test
    void funnelAsCsvHasAHeaderARowPerGroupAndTheTotalEscapedPerRfc4180() {
        Population p = population();
        byte[] csv = given().auth().oauth2(staff()).accept("text/csv").queryParam("by", "team")
                .queryParam("from", p.from().toString()).queryParam("to", p.to().toString()).get("/reports/funnel")
                .then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition",
                        equalTo("attachment; filename=\"funnel-team-" + p.from() + "-" + p.to() + ".csv\""))
                .extract().asByteArray();
        String expected = "key,label,enrolled,attended,certified,listedProduct,hostedStream,firstSale,revenue,"
                + "conversionAttended,conversionCertified,conversionListedProduct,conversionHostedStream,conversionFirstSale\r\n"
                + p.team2() + ",\"CLB \"\"Vải thiều\"\", Lục Ngạn\",3,3,2,1,1,1,2000000,1.0,0.667,0.5,1.0,1.0\r\n"
                + p.team1() + ",Tổ bán hàng Phượng Sơn,4,3,3,3,3,2,1500000,0.75,1.0,1.0,1.0,0.667\r\n"
                + "none,no team,2,1,1,1,0,0,0,0.5,1.0,1.0,0.0,\r\n"
                + "total,Total,9,7,6,5,4,3,3500000,0.778,0.857,0.833,0.8,0.75\r\n";
        assertEquals(expected, new String(csv, StandardCharsets.UTF_8));
        // the diacritics are UTF-8 bytes: ạ is E1 BA A1
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, csv.length);

        String byCourse = given().auth().oauth2(staff()).queryParam("format", "csv").queryParam("from", p.from().toString())
                .queryParam("to", p.to().toString()).get("/reports/funnel").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition",
                        equalTo("attachment; filename=\"funnel-course-" + p.from() + "-" + p.to() + ".csv\""))
                .extract().asString();
        assertEquals(List.of(
                p.codeA() + ",Bán hàng qua livestream – cơ bản,5,4,3,3,3,3,3500000,0.8,0.75,1.0,1.0,1.0",
                p.codeB() + ",\"Quay phim, dựng video bằng điện thoại\",5,4,4,3,2,1,2000000,0.8,1.0,0.75,0.667,0.5",
                "total,Total,9,7,6,5,4,3,3500000,0.778,0.857,0.833,0.8,0.75"),
                List.of(byCourse.split("\r\n")).subList(1, 4));
        for (String farmer : p.farmers()) {
            assertEquals(-1, byCourse.indexOf(farmer), "no farmer is named");
        }
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsAFormulaArePrefixed() {
        LocalDate[] week = week();
        String f = unique("csv");
        String code = ("CSV-" + f.substring(4)).toUpperCase();
        long course = course(code, "=HYPERLINK(\"https://evil.example\",\"Bấm vào đây\")");
        long session = session(course, at(week[0], 9, 0), 10);
        String[] names = { "+Tổ Cộng", "-Tổ Trừ", "@Tổ A còng" };
        for (int i = 0; i < names.length; i++) {
            String farmer = f + "-" + i;
            Fixtures.seated(session, farmer);
            activity(farmer, LUC_NGAN, 2_000_000L + ThreadLocalRandom.current().nextInt(1_000_000), names[i], 0, 0);
        }
        String byCourse = given().auth().oauth2(staff()).queryParam("format", "csv")
                .queryParam("from", week[0].toString()).queryParam("to", week[1].toString()).get("/reports/funnel")
                .then().statusCode(200).extract().asString();
        assertEquals(code + ",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Bấm vào đây\"\")\",3,0,0,0,0,0,0,0.0,,,,",
                byCourse.split("\r\n")[1]);
        String byTeam = given().auth().oauth2(staff()).queryParam("format", "csv").queryParam("by", "team")
                .queryParam("from", week[0].toString()).queryParam("to", week[1].toString()).get("/reports/funnel")
                .then().statusCode(200).extract().asString();
        List<String> labels = List.of(byTeam.split("\r\n")).subList(1, 4).stream().map(row -> row.split(",")[1]).toList();
        assertEquals(List.of("'+Tổ Cộng", "'-Tổ Trừ", "'@Tổ A còng"), labels.stream().sorted().toList());
    }

    @Test
    void catalogDownLeavesItsStepsNullAndSaysSo() {
        Population p = population();
        CatalogDouble.DOWN.set(true);
        JsonPath funnel = funnel(p, "course");
        assertEquals(true, funnel.getString("sources.catalog").startsWith("unavailable"));
        assertEquals(true, funnel.getString("sources.orders").startsWith("unavailable"));
        assertSteps(funnel, group(p.codeA()), 5L, 4L, 3L, null, null, null, null);
        assertConversions(funnel, group(p.codeA()), 0.8, 0.75, null, null, null);
        assertSteps(funnel, "total", 9L, 7L, 6L, null, null, null, null);

        // without catalog no team is known; communes fall back to the enrolments' (here the hall's, Lục Ngạn)
        JsonPath byTeam = funnel(p, "team");
        assertEquals(List.of("unknown"), byTeam.getList("groups.key"));
        assertSteps(byTeam, group("unknown"), 9L, 7L, 6L, null, null, null, null);
        JsonPath byCommune = funnel(p, "commune");
        assertEquals(List.of("Bắc Ninh/" + LUC_NGAN, "Bắc Ninh/" + TAN_SON), byCommune.getList("groups.key"));
        assertSteps(byCommune, group("Bắc Ninh/" + TAN_SON), 1L, 0L, 0L, null, null, null, null);

        String csv = given().auth().oauth2(staff()).queryParam("format", "csv").queryParam("from", p.from().toString())
                .queryParam("to", p.to().toString()).get("/reports/funnel").then().statusCode(200).extract().asString();
        assertEquals("total,Total,9,7,6,,,,,0.778,0.857,,,", csv.split("\r\n")[3]);
    }

    @Test
    void orderServiceDownLeavesSalesNullAndTheCatalogStepsStand() {
        Population p = population();
        OrderDouble.DOWN.set(true);
        JsonPath funnel = funnel(p, "team");
        assertEquals("available", funnel.getString("sources.catalog"));
        assertEquals(true, funnel.getString("sources.orders").startsWith("unavailable"));
        assertSteps(funnel, group(String.valueOf(p.team1())), 4L, 3L, 3L, 3L, 3L, null, null);
        assertConversions(funnel, group(String.valueOf(p.team1())), 0.75, 1.0, 1.0, 1.0, null);
        assertSteps(funnel, "total", 9L, 7L, 6L, 5L, 4L, null, null);
    }

    @Test
    void anEmptyPeriodAsksNoOneAndDividesByNothing() {
        LocalDate[] week = week();
        OrderDouble.CALLS.clear();
        int catalogCalls = CatalogDouble.ACTIVITY_CALLS.size();
        given().auth().oauth2(staff()).queryParam("from", week[0].toString()).queryParam("to", week[1].toString())
                .get("/reports/funnel").then().statusCode(200)
                .body("groups.size()", equalTo(0), "total.enrolled", equalTo(0), "total.revenue", equalTo(0),
                        "total.conversions.attended", nullValue(), "sources.catalog", equalTo("available"));
        assertEquals(catalogCalls, CatalogDouble.ACTIVITY_CALLS.size());
        assertEquals(0, OrderDouble.CALLS.size());
    }

    /**
     * {@code farmers} certified farmers in a week of their own, each listing, hosting and selling
     * through a producer of her own (1 000 đồng each), inserted in SQL: the API would take minutes.
     * Returns the week.
     */
    private LocalDate[] manyFarmers(int farmers, IntFunction<String> subject, long producerBase) {
        LocalDate[] week = week();
        String code = unique("MANY").toUpperCase();
        long course = course(code, "Thương mại điện tử cho hợp tác xã");
        long session = session(course, at(week[0], 9, 0), farmers);
        List<String> subjects = IntStream.rangeClosed(1, farmers).mapToObj(subject).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into enrolment (id, session_id, course_id, farmer, farmer_name, status, arrival, attendance,
                                           enrolled_by)
                    select nextval('enrolment_seq'), :session, :course, s.farmer, 'Nông dân ' || s.n, 'SEATED', s.n,
                           'ATTENDED', 'staff-hoa'
                    from unnest(cast(:subjects as text[])) with ordinality as s(farmer, n)""")
                    .setParameter("session", session).setParameter("course", course)
                    .setParameter("subjects", subjects.toArray(String[]::new)).executeUpdate();
            em.createNativeQuery("""
                    insert into certificate (id, code, enrolment_id, farmer, holder_name, course_id, course_code,
                                             course_title, completed_on, issuer, issued_at, signature)
                    select nextval('certificate_seq'), upper(substr(md5(random()::text), 1, 16)), e.id, e.farmer,
                           e.farmer_name, e.course_id, :code, 'Thương mại điện tử', current_date, 'Sở NN&MT', now(), 'x'
                    from enrolment e where e.session_id = :session""").setParameter("code", code)
                    .setParameter("session", session).executeUpdate();
        });
        for (int g = 0; g < farmers; g++) {
            long producer = producerBase + g;
            activity(subjects.get(g), LUC_NGAN, null, null, 1, 1, producer);
            OrderDouble.SALES.put(producer, new OrderDouble.ProducerSales(producer, Instant.now(), 1, 1_000));
        }
        CatalogDouble.ACTIVITY_CALLS.clear();
        OrderDouble.CALLS.clear();
        given().auth().oauth2(staff()).queryParam("from", week[0].toString()).queryParam("to", week[1].toString())
                .get("/reports/funnel").then().statusCode(200)
                .body("sources.catalog", equalTo("available"), "sources.orders", equalTo("available"),
                        "total.enrolled", equalTo(farmers), "total.hostedStream", equalTo(farmers),
                        "total.firstSale", equalTo(farmers), "total.revenue", equalTo(farmers * 1_000));
        return week;
    }

    @Test
    void manyFarmersAreAskedAboutAtMost200ACall() {
        String prefix = UUID.randomUUID().toString().substring(0, 4);
        long producers = 1_000_000 + ThreadLocalRandom.current().nextInt(8_000) * 1_000L;
        manyFarmers(450, g -> prefix + "-" + g, producers);
        assertEquals(List.of(200, 200, 50), CatalogDouble.ACTIVITY_CALLS);
        assertEquals(List.of(200, 200, 50), OrderDouble.CALLS.stream().map(c -> c.producers().size()).toList());
    }

    @Test
    void longSubjectsAreAskedAboutInCallsThatFitARequestLine() {
        // Keycloak's subjects are UUIDs: 200 of them would be a 9 000-character request line, refused with 414
        long producers = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 1_000;
        manyFarmers(250, g -> UUID.randomUUID().toString(), producers);
        assertEquals(250, CatalogDouble.ACTIVITY_CALLS.stream().mapToInt(Integer::intValue).sum());
        assertEquals(true, CatalogDouble.ACTIVITY_CALLS.size() >= 3, "calls " + CatalogDouble.ACTIVITY_CALLS);
        assertEquals(250, OrderDouble.CALLS.stream().mapToInt(c -> c.producers().size()).sum());
    }

    @Test
    void theDefaultIsByCourseOverTheLast90Days() {
        LocalDate today = LocalDate.now(ZONE);
        given().auth().oauth2(staff()).get("/reports/funnel").then().statusCode(200)
                .body("by", equalTo("course"), "to", equalTo(today.toString()),
                        "from", equalTo(today.minusDays(89).toString()), "total.key", equalTo("total"));
        given().auth().oauth2(staff()).accept("text/csv").get("/reports/funnel").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"funnel-course-" + today.minusDays(89)
                        + "-" + today + ".csv\""));
    }

    @Test
    void onlyStaffSeeTheFunnel() {
        given().get("/reports/funnel").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.expired(Roles.STAFF, "staff-hoa")).get("/reports/funnel").then().statusCode(401);
        given().auth().oauth2(Tokens.signedByAnotherKey(Roles.STAFF, "staff-hoa")).get("/reports/funnel").then()
                .statusCode(401);
        given().auth().oauth2(Tokens.wrongIssuer(Roles.STAFF, "staff-hoa")).get("/reports/funnel").then().statusCode(401);
        given().accept("text/csv").queryParam("format", "csv").get("/reports/funnel").then().statusCode(401);
        for (String role : List.of(Roles.FARMER, Roles.BUYER, Roles.CARRIER, Roles.SERVICE)) {
            given().auth().oauth2(Tokens.of(role, "someone-" + role)).get("/reports/funnel").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(Tokens.of(role, "someone-" + role)).queryParam("format", "csv").get("/reports/funnel")
                    .then().statusCode(403);
        }
        given().auth().oauth2(farmer("farmer-lan")).accept("text/csv").get("/reports/funnel").then().statusCode(403);
    }

    @Test
    void badInputIsA400NamingTheField() {
        String[][] cases = {
                { "by", "province", "by" },
                { "format", "xlsx", "format" },
                { "from", "2026-13-01", "from" },
                { "to", "31/08/2026", "to" },
        };
        for (String[] c : cases) {
            given().auth().oauth2(staff()).queryParam(c[0], c[1]).get("/reports/funnel").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo(c[2]));
        }
        given().auth().oauth2(staff()).queryParam("from", "2026-09-01").queryParam("to", "2026-08-31")
                .get("/reports/funnel").then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(staff()).queryParam("from", "2024-09-01").queryParam("to", "2026-09-01")
                .get("/reports/funnel").then().statusCode(400).body("violations[0].field", equalTo("to"));
        // exactly two years is allowed
        given().auth().oauth2(staff()).queryParam("from", "2024-09-01").queryParam("to", "2026-08-31")
                .get("/reports/funnel").then().statusCode(200);
        // asked for CSV, a mistake is still a problem+json
        given().auth().oauth2(staff()).accept("text/csv").queryParam("by", "province").get("/reports/funnel").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("by"));
        given().auth().oauth2(staff()).queryParam("from", "2026-06-01\u0000").get("/reports/funnel").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
    }
}
