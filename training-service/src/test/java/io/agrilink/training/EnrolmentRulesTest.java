package io.agrilink.training;

import static io.agrilink.training.Fixtures.attendance;
import static io.agrilink.training.Fixtures.complete;
import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.enrol;
import static io.agrilink.training.Fixtures.enrolment;
import static io.agrilink.training.Fixtures.farmer;
import static io.agrilink.training.Fixtures.seated;
import static io.agrilink.training.Fixtures.session;
import static io.agrilink.training.Fixtures.sessionBody;
import static io.agrilink.training.Fixtures.staff;
import static io.agrilink.training.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class EnrolmentRulesTest {

    @Test
    void farmerCannotHoldTwoEnrolmentsInOneCourse() {
        long course = course(Topic.ECOMMERCE_BASICS);
        long first = session(course, 10);
        long second = session(course, 10);
        String lan = unique("lan");
        seated(first, lan);
        enrol(first, lan).then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("farmer"), "detail", containsString("already has an enrolment"));
        enrol(second, lan).then().statusCode(409).body("field", equalTo("farmer"));
        given().auth().oauth2(staff()).get("/sessions/" + second).then().body("seatsTaken", equalTo(0));
    }

    @Test
    void sameFarmerEnrollingManyTimesAtOnceGetsExactlyOneEnrolmentAndEveryRefusalNamesIt() throws Exception {
        long course = course(Topic.ECOMMERCE_BASICS);
        long[] sessions = { session(course, 10), session(course, 10) };
        String farmer = unique("eager");
        String token = farmer(farmer);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                long session = sessions[i % 2];
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType("application/json").body("{}")
                            .post("/sessions/" + session + "/enrolments");
                }));
            }
            start.countDown();
            List<Response> created = new ArrayList<>();
            List<Response> refused = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                (r.statusCode() == 201 ? created : refused).add(r);
            }
            assertEquals(1, created.size(), refused.stream().map(Response::statusCode).toList().toString());
            assertEquals(7, refused.size());
            long enrolment = created.get(0).jsonPath().getLong("id");
            for (Response r : refused) {
                // the check before the insert and the unique index behind it answer alike
                r.then().statusCode(409).contentType("application/problem+json")
                        .body("status", equalTo(409), "field", equalTo("farmer"), "enrolmentId", equalTo((int) enrolment));
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(token).get("/me/enrolments").then().body("total", equalTo(1));
    }

    @Test
    void prerequisiteMustBeCompletedFirstAndIsNamed() {
        long basics = course(Topic.ECOMMERCE_BASICS);
        String basicsCode = given().auth().oauth2(staff()).get("/courses/" + basics).jsonPath().getString("code");
        long livestream = course(Topic.LIVESTREAM_SELLING, basics);
        long session = session(livestream, 10);
        String minh = unique("minh");

        enrol(session, minh).then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("prerequisites"), "missingCourses", contains(basicsCode),
                        "detail", containsString(basicsCode));

        complete(basics, minh);
        enrol(session, minh).then().statusCode(201).body("status", equalTo("SEATED"));
    }

    @Test
    void completedCourseCannotBeTakenAgainButANoShowMayRetry() {
        long course = course(Topic.PACKAGING_DESIGN);
        String done = unique("done");
        complete(course, done);
        enrol(session(course, 5), done).then().statusCode(409).body("detail", containsString("already completed"));

        String absent = unique("absent");
        long session = session(course, 5);
        long enrolment = seated(session, absent);
        attendance(session, staff(), enrolment, "NO_SHOW").then().statusCode(200);
        enrol(session(course, 5), absent).then().statusCode(201);
    }

    @Test
    void enrollingAfterTheWindowClosedIsRefusedAndNothingIsWritten() {
        long course = course(Topic.FILMING);
        Map<String, Object> body = sessionBody(course, 10);
        body.put("enrolmentOpensAt", Instant.now().minus(3, ChronoUnit.DAYS).toString());
        body.put("enrolmentClosesAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        long session = Fixtures.session(body);
        String late = unique("late");
        enrol(session, late).then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("enrolmentClosesAt"), "detail", containsString("closed"));
        given().auth().oauth2(staff()).get("/sessions/" + session + "/enrolments").then().body("total", equalTo(0));
        given().auth().oauth2(farmer(late)).get("/me/notices").then().body("total", equalTo(0));
    }

    @Test
    void enrollingBeforeTheWindowOpensIsRefused() {
        Map<String, Object> body = sessionBody(course(Topic.FILMING), 10);
        body.put("enrolmentOpensAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        enrol(Fixtures.session(body), unique("early")).then().statusCode(409)
                .body("field", equalTo("enrolmentOpensAt"));
    }

    @Test
    void staffEnrolAFarmerOnTheirBehalfGivingSubjectAndName() {
        long session = session(course(Topic.KOL_KOC), 10);
        String farmer = unique("ba");
        given().auth().oauth2(staff()).contentType("application/json").body(Map.of("name", "Bà Tư"))
                .post("/sessions/" + session + "/enrolments").then().statusCode(400)
                .body("violations[0].field", equalTo("farmer"));
        given().auth().oauth2(staff()).contentType("application/json")
                .body(Map.of("farmer", farmer, "name", "Hoàng Thị Tư", "province", "Bắc Giang", "commune", "Tân Sơn"))
                .post("/sessions/" + session + "/enrolments").then().statusCode(201)
                .header("Location", containsString("/enrolments/"))
                .body("farmer", equalTo(farmer), "farmerName", equalTo("Hoàng Thị Tư"), "province", equalTo("Bắc Ninh"),
                        "commune", equalTo("Xã Tân Sơn"),
                        "enrolledBy", equalTo(Fixtures.STAFF_SUBJECT), "status", equalTo("SEATED"));
        given().auth().oauth2(farmer(farmer)).get("/me/enrolments").then().body("total", equalTo(1));
    }

    @Test
    void anApplicantsCommuneMustBeAUnitOfTheirProvince() {
        long session = session(course(Topic.KOL_KOC), 10);
        given().auth().oauth2(staff()).contentType("application/json")
                .body(Map.of("farmer", unique("tu"), "name", "Hoàng Thị Tư", "province", "Sơn La", "commune", "Tân Sơn"))
                .post("/sessions/" + session + "/enrolments").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("commune"));
        given().auth().oauth2(staff()).contentType("application/json")
                .body(Map.of("farmer", unique("tu"), "name", "Hoàng Thị Tư", "commune", "Tân Sơn"))
                .post("/sessions/" + session + "/enrolments").then().statusCode(400)
                .body("violations[0].field", equalTo("province"));
        given().auth().oauth2(staff()).get("/sessions/" + session).then().body("seatsFree", equalTo(10));
    }

    @Test
    void farmerCannotEnrolOrActForSomeoneElse() {
        long session = session(course(Topic.KOL_KOC), 10);
        String me = unique("me");
        given().auth().oauth2(farmer(me)).contentType("application/json")
                .body(Map.of("farmer", "someone-else", "name", "X")).post("/sessions/" + session + "/enrolments")
                .then().statusCode(403);
        long mine = seated(session, me);
        given().auth().oauth2(farmer(unique("other"))).delete("/enrolments/" + mine).then().statusCode(403);
        given().auth().oauth2(farmer(unique("other"))).get("/enrolments/" + mine).then().statusCode(403);
        given().auth().oauth2(Tokens.of("buyer", "buyer-hanoi")).contentType("application/json").body("{}")
                .post("/sessions/" + session + "/enrolments").then().statusCode(403);
    }

    @Test
    void seatCannotBeCancelledByTheFarmerAfterTheCutOffButStaffCan() {
        Map<String, Object> body = sessionBody(course(Topic.OTHER), 10);
        body.put("cancellationCutoff", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        long session = Fixtures.session(body);
        String farmer = unique("cut");
        long enrolment = seated(session, farmer);
        given().auth().oauth2(farmer(farmer)).delete("/enrolments/" + enrolment).then().statusCode(409)
                .body("field", equalTo("cancellationCutoff"));
        given().auth().oauth2(staff()).delete("/enrolments/" + enrolment).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        enrolment(enrolment).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void unknownSessionIsNotFound() {
        enrol(987654321L, unique("x")).then().statusCode(404).contentType("application/problem+json");
    }
}
