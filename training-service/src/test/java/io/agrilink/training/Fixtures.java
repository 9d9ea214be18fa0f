package io.agrilink.training;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agrilink.platform.testing.Tokens;
import io.restassured.response.Response;

/** Builds what each test needs through the public API, with names no other test uses. */
public final class Fixtures {

    public static final String STAFF_SUBJECT = "staff-hoa";

    private Fixtures() {
    }

    public static String staff() {
        return Tokens.of("staff", STAFF_SUBJECT);
    }

    public static String farmer(String subject) {
        return Tokens.of("farmer", subject);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> courseBody(String code, Topic topic, Long... prerequisites) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("topic", topic.name());
        body.put("hours", 8);
        body.put("title", Map.of("vi", "Khóa " + code, "en", "Course " + code));
        body.put("description", Map.of("vi", "Mô tả " + code));
        body.put("prerequisiteIds", List.of(prerequisites));
        return body;
    }

    public static long course(Topic topic, Long... prerequisites) {
        return given().auth().oauth2(staff()).contentType("application/json")
                .body(courseBody(unique("C").toUpperCase(), topic, prerequisites))
                .post("/courses").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> sessionBody(long courseId, int capacity) {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>();
        body.put("courseId", courseId);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofHours(4)).toString());
        body.put("venue", Map.of("kind", "HALL", "name", "Hội trường UBND xã Lục Ngạn", "province", "Bắc Giang",
                "commune", "Lục Ngạn"));
        body.put("capacity", capacity);
        body.put("trainer", "trainer-tuan");
        body.put("enrolmentOpensAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        return body;
    }

    public static long session(long courseId, int capacity) {
        return session(sessionBody(courseId, capacity));
    }

    public static long session(Map<String, Object> body) {
        return given().auth().oauth2(staff()).contentType("application/json").body(body)
                .post("/sessions").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The farmer enrols themself. */
    public static Response enrol(long sessionId, String farmer) {
        return given().auth().oauth2(farmer(farmer)).contentType("application/json").body("{}")
                .post("/sessions/" + sessionId + "/enrolments");
    }

    public static long seated(long sessionId, String farmer) {
        return enrol(sessionId, farmer).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Response attendance(long sessionId, String token, long enrolmentId, String attendance) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("records", List.of(Map.of("enrolmentId", enrolmentId, "attendance", attendance))))
                .put("/sessions/" + sessionId + "/attendance");
    }

    /** Completes a course for the farmer: a fresh session, a seat, ATTENDED. Returns the certificate code. */
    public static String complete(long courseId, String farmer) {
        long session = session(courseId, 5);
        long enrolment = seated(session, farmer);
        return attendance(session, staff(), enrolment, "ATTENDED").then().statusCode(200).extract().jsonPath()
                .getString("[0].certificateCode");
    }

    public static Response enrolment(long id) {
        return given().auth().oauth2(staff()).get("/enrolments/" + id);
    }

    public static List<Map<String, Object>> notices(String farmer) {
        return given().auth().oauth2(farmer(farmer)).queryParam("size", 100).get("/me/notices").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }
}
