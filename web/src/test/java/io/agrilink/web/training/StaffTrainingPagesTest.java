package io.agrilink.web.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agrilink.web.forms.Csrf;
import io.quarkus.test.junit.QuarkusTest;

/** Staff's training screens at the desk, over a stand-in training-service ({@link TrainingStub}). */
@QuarkusTest
class StaffTrainingPagesTest {

    private static final String HOA = "staff-hoa staff";
    private static final Instant MAY_20 = Instant.parse("2027-05-20T01:00:00Z");

    private String csrf;

    @BeforeEach
    void register() {
        TrainingStub.reset();
        Session may = TrainingStub.session(10, 1, "Bán hàng qua livestream", MAY_20, 30, 4, 2);
        TrainingStub.session(11, 2, "Thiết kế bao bì nông sản", MAY_20.plusSeconds(86400), 100, 2, 0);
        TrainingStub.enrolment(1, may, "farmer-minh", "Trần Văn Minh", "SEATED", null, null, null, null);
        TrainingStub.enrolment(2, may, "farmer-hung", "Lương Văn Hùng", "SEATED", null, null, null, null);
        TrainingStub.enrolment(3, may, "farmer-lan", "Nguyễn Thị Lan", "SEATED", null, null, "ATTENDED", "K7MZ2QX9PA");
        TrainingStub.enrolment(4, may, "farmer-mai", "Hoàng Thị Mai", "WAITLISTED", 1, null, null, null);
        TrainingStub.CERTIFICATES.put("K7MZ2QX9PA", new Certificate("K7MZ2QX9PA", "Nguyễn Thị Lan", "LIVESTREAM-101",
                "Bán hàng qua livestream", LocalDate.of(2027, 5, 20), "Sở Công Thương Bắc Ninh",
                Instant.parse("2027-05-20T05:00:00Z"), "eyJ.sig.x", false, null, null));
        csrf = given().get("/").getCookie(Csrf.COOKIE);
    }

    @Test
    void sessionsShowCapacitySeatsTakenAndWaitlistInATable() {
        given().header("X-Test-User", HOA).get("/staff/training").then().statusCode(200)
                .body(allOf(containsString("<a href=\"/staff/training/sessions/10\">Bán hàng qua livestream</a>"),
                        containsString("08:00 20/05/2027"),
                        containsString("<td class=\"num\">30</td><td class=\"num\">4</td><td class=\"num\">2</td>"),
                        containsString("<td class=\"num\">100</td><td class=\"num\">2</td><td class=\"num\">0</td>"),
                        containsString("<th scope=\"col\">Sức chứa</th>")));
        assertEquals(null, TrainingStub.calls("sessions").get(0).body(), "every session, past ones too");
        assertEquals("Bearer token-of-staff-hoa", TrainingStub.calls("sessions").get(0).token());
    }

    @Test
    void aSessionPageShowsTheRegisterWithAttendanceToMarkAndTheCertificatesIssued() {
        String page = given().header("X-Test-User", HOA).get("/staff/training/sessions/10").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("Trần Văn Minh") && page.contains("Hoàng Thị Mai"));
        assertTrue(page.contains("<select id=\"mark-1\" name=\"mark\">") && page.contains("<select id=\"mark-2\" name=\"mark\">"));
        assertTrue(!page.contains("id=\"mark-3\"") && !page.contains("id=\"mark-4\""),
                "a certified line and a waitlisted one cannot be marked");
        assertTrue(page.contains("<label class=\"visually-hidden\" for=\"mark-1\">Điểm danh cho Trần Văn Minh</label>"));
        assertTrue(page.contains("<a href=\"/certificates/K7MZ2QX9PA\">K7MZ2QX9PA</a>"));
        assertTrue(page.contains("action=\"/staff/training/sessions/10/certificates/K7MZ2QX9PA/revoke\""));
    }

    @Test
    void markingAttendanceSendsOnlyTheLinesChosenAndAttendedIssuesTheCertificate() {
        given().header("X-Test-User", HOA).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf)
                .formParam("enrolment", "1", "2").formParam("mark", "ATTENDED", "").redirects().follow(false)
                .post("/staff/training/sessions/10/attendance").then().statusCode(303)
                .header("Location", containsString("/staff/training/sessions/10#register"));
        List<TrainingStub.Call> calls = TrainingStub.calls("attendance");
        assertEquals(1, calls.size());
        assertEquals(List.of(new TrainingRestClient.AttendanceLine(1, "ATTENDED")),
                ((TrainingRestClient.Attendance) calls.get(0).body()).records());
        given().header("X-Test-User", HOA).get("/staff/training/sessions/10").then()
                .body(allOf(containsString("CERT1XYZ"), not(containsString("id=\"mark-1\"")),
                        containsString("id=\"mark-2\"")));
    }

    @Test
    void attendanceWithNothingChosenOrRefusedSaysSoAndKeepsWhatWasChosen() {
        given().header("X-Test-User", HOA).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf)
                .formParam("enrolment", "1", "2").formParam("mark", "", "").post("/staff/training/sessions/10/attendance")
                .then().statusCode(400).body(containsString("Chưa chọn điểm danh cho ai."));
        assertEquals(0, TrainingStub.calls("attendance").size());

        TrainingStub.attendanceProblem = "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Enrolment 2 holds no seat\"}";
        given().header("X-Test-User", HOA).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf)
                .formParam("enrolment", "1", "2").formParam("mark", "NO_SHOW", "PARTIAL")
                .post("/staff/training/sessions/10/attendance").then().statusCode(409)
                .body(allOf(containsString("Không lưu được điểm danh"),
                        containsString("<option value=\"NO_SHOW\" selected>"),
                        containsString("<option value=\"PARTIAL\" selected>")));
    }

    @Test
    void revokingACertificateNeedsAReasonAndSendsIt() {
        given().header("X-Test-User", HOA).cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf).formParam("reason", " ")
                .post("/staff/training/sessions/10/certificates/K7MZ2QX9PA/revoke").then().statusCode(400)
                .body(containsString("Vui lòng ghi lý do thu hồi"));
        assertEquals(0, TrainingStub.calls("revoke").size());

        given().header("X-Test-User", HOA).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf).formParam("reason", "Cấp nhầm người").redirects().follow(false)
                .post("/staff/training/sessions/10/certificates/K7MZ2QX9PA/revoke").then().statusCode(303);
        assertEquals(List.of("Cấp nhầm người"), TrainingStub.calls("revoke").stream().map(TrainingStub.Call::body).toList());
        given().header("X-Test-User", HOA).get("/staff/training/sessions/10").then()
                .body(allOf(containsString("Đã bị thu hồi"), not(containsString("/K7MZ2QX9PA/revoke"))));
    }

    @Test
    void theReportShowsTheServicesFiguresAsTables() {
        TrainingStub.report = new TrainingReport(Instant.parse("2027-05-20T05:00:00Z"),
                List.of(new TrainingReport.Figures("LIVESTREAM-101", null, null, 6, 4, 2, 2, 0, 1, 2.0 / 3, 1.0 / 3)),
                List.of(new TrainingReport.Figures(null, "Bắc Ninh", null, 6, 4, 2, 2, 0, 1, 2.0 / 3, 1.0 / 3)),
                List.of(new TrainingReport.Figures(null, "Bắc Ninh", "Xã Lục Ngạn", 5, 3, 2, 0, 0, 0, null, null)),
                List.of(new TrainingReport.Waitlist(10, "LIVESTREAM-101", MAY_20, 30, 4, 2)),
                new TrainingReport.Listings(1, 1L, 3L, "available"));
        given().header("X-Test-User", HOA).get("/staff/training/reports").then().statusCode(200)
                .body(allOf(containsString("<th scope=\"row\">LIVESTREAM-101</th>"), containsString("66,7\u00a0%"),
                        containsString("33,3\u00a0%"), containsString("<th scope=\"row\">Xã Lục Ngạn, Bắc Ninh</th>"),
                        containsString("<td class=\"num\">–</td>"), containsString("Theo xã"),
                        containsString("<a href=\"/staff/training/sessions/10\">LIVESTREAM-101</a>"),
                        containsString("Nông dân đã hoàn thành khoá học: <strong>1</strong>")));
    }

    @Test
    void theStaffPagesAreForStaffOnlyAFarmerGetsTheForbiddenPage() {
        for (String page : List.of("/staff/training", "/staff/training/sessions/10", "/staff/training/reports")) {
            given().header("X-Test-User", "farmer-lan farmer").header("Accept-Language", "en").get(page).then()
                    .statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("You may not see this page"));
        }
        given().header("X-Test-User", "farmer-lan farmer").cookie(Csrf.COOKIE, csrf).formParam("csrf", csrf)
                .formParam("reason", "x").post("/staff/training/sessions/10/certificates/K7MZ2QX9PA/revoke").then()
                .statusCode(403);
        assertEquals(0, TrainingStub.CALLS.size(), "the service was not asked");
    }
}
