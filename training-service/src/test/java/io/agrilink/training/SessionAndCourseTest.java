package io.agrilink.training;

import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.courseBody;
import static io.agrilink.training.Fixtures.enrol;
import static io.agrilink.training.Fixtures.enrolment;
import static io.agrilink.training.Fixtures.farmer;
import static io.agrilink.training.Fixtures.notices;
import static io.agrilink.training.Fixtures.seated;
import static io.agrilink.training.Fixtures.session;
import static io.agrilink.training.Fixtures.sessionBody;
import static io.agrilink.training.Fixtures.staff;
import static io.agrilink.training.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class SessionAndCourseTest {

    @Test
    void staffCreateCoursesWithTaggedTextsThatFarmersAndBuyersCanRead() {
        String code = unique("LS").toUpperCase();
        Map<String, Object> body = courseBody(code, Topic.LIVESTREAM_SELLING);
        body.put("title", Map.of("vi", "Bán hàng qua livestream", "en", "Selling by livestream", "zh-Hans", "直播销售"));
        long id = given().auth().oauth2(staff()).contentType("application/json").body(body).post("/courses").then()
                .statusCode(201).header("Location", containsString("/courses/"))
                .body("code", equalTo(code), "title.vi", equalTo("Bán hàng qua livestream"), "title", hasKey("zh-Hans"))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("buyer", "buyer-jp")).get("/courses/" + id).then().statusCode(200)
                .body("topic", equalTo("LIVESTREAM_SELLING"));
        given().auth().oauth2(farmer("farmer-lan")).queryParam("topic", "LIVESTREAM_SELLING").get("/courses").then()
                .statusCode(200).body("items.code", hasItem(code), "page", equalTo(0), "size", equalTo(20));
        given().get("/courses").then().statusCode(401);
        given().auth().oauth2(Tokens.of("carrier", "carrier-viettel")).get("/courses/" + id).then().statusCode(403);
        given().auth().oauth2(farmer("farmer-lan")).contentType("application/json").body(body).post("/courses").then()
                .statusCode(403);
    }

    @Test
    void badCoursesAreRefusedNamingTheField() {
        Map<String, Object> noVietnamese = courseBody(unique("X").toUpperCase(), Topic.OTHER);
        noVietnamese.put("title", Map.of("en", "Only English"));
        postCourse(noVietnamese).statusCode(400).body("violations[0].field", equalTo("title.vi"));

        Map<String, Object> badTag = courseBody(unique("X").toUpperCase(), Topic.OTHER);
        badTag.put("title", Map.of("vi", "Tiêu đề", "not a tag!", "x"));
        postCourse(badTag).statusCode(400).body("violations[0].field", containsString("title."));

        postCourse(courseBody(unique("X").toUpperCase(), Topic.OTHER, 999999L)).statusCode(400)
                .body("violations[0].field", equalTo("prerequisiteIds[0]"));

        Map<String, Object> noHours = courseBody(unique("X").toUpperCase(), Topic.OTHER);
        noHours.put("hours", 0);
        postCourse(noHours).statusCode(400).body("violations[0].field", equalTo("hours"));

        String code = unique("DUP").toUpperCase();
        postCourse(courseBody(code, Topic.OTHER)).statusCode(201);
        postCourse(courseBody(code, Topic.OTHER)).statusCode(409).body("field", equalTo("code"));
    }

    @Test
    void sessionShowsItsStartAsInstantAndInHoChiMinhTime() {
        Map<String, Object> body = sessionBody(course(Topic.LIVESTREAM_SELLING), 30);
        body.put("startsAt", "2030-05-20T01:00:00Z");
        body.put("endsAt", "2030-05-20T05:00:00Z");
        long id = Fixtures.session(body);
        given().auth().oauth2(farmer("farmer-lan")).get("/sessions/" + id).then().statusCode(200)
                .body("startsAt", equalTo("2030-05-20T01:00:00Z"), "startsAtLocal", equalTo("2030-05-20T08:00"),
                        "timeZone", equalTo("Asia/Ho_Chi_Minh"), "venue.province", equalTo("Bắc Ninh"),
                        "venue.commune", equalTo("Xã Lục Ngạn"), "capacity", equalTo(30), "seatsFree", equalTo(30));
    }

    @Test
    void onlineSessionNeedsALinkAndHallSessionACommune() {
        long course = course(Topic.FILMING);
        Map<String, Object> online = sessionBody(course, 30);
        online.put("venue", Map.of("kind", "ONLINE", "name", "Zoom"));
        postSession(online).statusCode(400).body("violations[0].field", equalTo("venue.url"));
        online.put("venue", Map.of("kind", "ONLINE", "url", "https://meet.example.vn/livestream"));
        postSession(online).statusCode(201).body("venue.kind", equalTo("ONLINE"), "venue.province", nullValue());

        Map<String, Object> hall = sessionBody(course, 30);
        hall.put("venue", Map.of("kind", "HALL", "province", "Bắc Ninh"));
        postSession(hall).statusCode(400).body("violations[0].field", equalTo("venue.commune"));
        hall.put("venue", Map.of("kind", "HALL", "province", "Atlantis", "commune", "Xã Lục Ngạn"));
        postSession(hall).statusCode(400).body("violations[0].field", equalTo("venue.province"));
        hall.put("venue", Map.of("kind", "HALL", "province", "Sơn La", "commune", "Xã Lục Ngạn"));
        postSession(hall).statusCode(400).body("violations[0].field", equalTo("venue.commune"),
                "violations[0].message", containsString("Sơn La"));
        online.put("venue", Map.of("kind", "ONLINE", "url", "https://meet.example.vn/x", "commune", "Xã Lục Ngạn"));
        postSession(online).statusCode(400).body("violations[0].field", equalTo("venue.province"));
    }

    @Test
    void badSessionsAreRefusedNamingTheFieldAndNothingIsWritten() {
        long course = course(Topic.FILMING);
        Map<String, Object> zero = sessionBody(course, 0);
        postSession(zero).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("capacity"));
        postSession(sessionBody(course, -5)).statusCode(400).body("violations[0].field", equalTo("capacity"));
        Map<String, Object> fractional = sessionBody(course, 1);
        fractional.put("capacity", 30.5);
        postSession(fractional).statusCode(400).body("violations[0].field", equalTo("capacity"));

        Map<String, Object> backwards = sessionBody(course, 10);
        backwards.put("endsAt", "2020-01-01T00:00:00Z");
        postSession(backwards).statusCode(400).body("violations[0].field", equalTo("endsAt"),
                "detail", containsString("after startsAt"));

        postSession(sessionBody(987654321L, 10)).statusCode(400).body("violations[0].field", equalTo("courseId"));

        Map<String, Object> noStart = sessionBody(course, 10);
        noStart.remove("startsAt");
        postSession(noStart).statusCode(400).body("violations.field", hasItem("startsAt"));

        given().auth().oauth2(staff()).queryParam("courseId", course).get("/sessions").then().body("total", equalTo(0));
        given().auth().oauth2(staff()).queryParam("size", 101).get("/sessions").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void cancellingASessionTellsEverySeatedOfferedAndWaitlistedFarmer() {
        long session = session(course(Topic.PACKAGING_DESIGN), 1);
        String f = unique("cx");
        long seat = seated(session, f + "-a");
        long waiting = enrol(session, f + "-b").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(farmer(f + "-a")).contentType("application/json").body("{}")
                .post("/sessions/" + session + "/cancel").then().statusCode(403);

        given().auth().oauth2(staff()).contentType("application/json").body(Map.of("reason", "Mưa bão"))
                .post("/sessions/" + session + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));

        enrolment(seat).then().body("status", equalTo("SESSION_CANCELLED"));
        enrolment(waiting).then().body("status", equalTo("SESSION_CANCELLED"));
        for (String farmer : List.of(f + "-a", f + "-b")) {
            List<Map<String, Object>> notices = notices(farmer);
            assertEquals("SESSION_CANCELLED", notices.get(0).get("kind"));
            org.hamcrest.MatcherAssert.assertThat((String) notices.get(0).get("message"), containsString("Mưa bão"));
        }
        enrol(session, f + "-c").then().statusCode(409);
    }

    @Test
    void changingTimeOrVenueTellsTheFarmersAndCapacityCannotDropBelowSeatsTaken() {
        long session = session(course(Topic.PACKAGING_DESIGN), 2);
        String f = unique("ch");
        seated(session, f + "-a");
        seated(session, f + "-b");
        given().auth().oauth2(staff()).contentType("application/json").body(Map.of("capacity", 1))
                .patch("/sessions/" + session).then().statusCode(409).body("field", equalTo("capacity"));
        given().auth().oauth2(staff()).contentType("application/json")
                .body(Map.of("venue", Map.of("kind", "ONLINE", "url", "https://meet.example.vn/p")))
                .patch("/sessions/" + session).then().statusCode(200).body("venue.kind", equalTo("ONLINE"));
        assertEquals("SESSION_CHANGED", notices(f + "-a").get(0).get("kind"));
        // more seats: the farmer waiting gets an offer
        long waiting = enrol(session, f + "-c").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff()).contentType("application/json").body(Map.of("capacity", 3))
                .patch("/sessions/" + session).then().statusCode(200).body("seatsTaken", equalTo(3));
        enrolment(waiting).then().body("status", equalTo("OFFERED"), "waitlistPosition", not(equalTo(1)));
    }

    private static ValidatableResponse postCourse(Map<String, Object> body) {
        return given().auth().oauth2(staff()).contentType("application/json").body(body).post("/courses").then();
    }

    private static ValidatableResponse postSession(Map<String, Object> body) {
        return given().auth().oauth2(staff()).contentType("application/json").body(body).post("/sessions").then();
    }
}
