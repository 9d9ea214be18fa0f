package io.agrilink.training;

import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.enrol;
import static io.agrilink.training.Fixtures.session;
import static io.agrilink.training.Fixtures.staff;
import static io.agrilink.training.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ReportTest {

    @AfterEach
    void catalogUp() {
        CatalogDouble.DOWN.set(false);
    }

    /** A course with one 3-seat session in Lục Ngạn: attended, partial, no-show; one more waiting. */
    private long[] courseWithRecordedSession(String f) {
        long course = course(Topic.ECOMMERCE_BASICS);
        long session = session(course, 3);
        long[] enrolments = new long[3];
        String[] communes = { "Lục Ngạn", "Lục Ngạn", "Tân Sơn" };
        for (int i = 0; i < 3; i++) {
            enrolments[i] = given().auth().oauth2(staff()).contentType("application/json")
                    .body(Map.of("farmer", f + "-" + i, "name", "Nông dân " + i, "province", "Bắc Giang",
                            "commune", communes[i]))
                    .post("/sessions/" + session + "/enrolments").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
        }
        enrol(session, f + "-waiting").then().statusCode(201);
        given().auth().oauth2(staff()).contentType("application/json")
                .body(Map.of("records", List.of(Map.of("enrolmentId", enrolments[0], "attendance", "ATTENDED"),
                        Map.of("enrolmentId", enrolments[1], "attendance", "PARTIAL"),
                        Map.of("enrolmentId", enrolments[2], "attendance", "NO_SHOW"))))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);
        return new long[] { course, session };
    }

    @Test
    void reportGivesRatesByCourseProvinceAndCommuneWaitlistsAndListings() {
        String f = unique("rep");
        long[] ids = courseWithRecordedSession(f);
        CatalogDouble.PRODUCTS.put(f + "-0", 4L);

        given().auth().oauth2(staff()).queryParam("courseId", ids[0]).get("/reports/training").then().statusCode(200)
                .body("byCourse[0].enrolments", equalTo(4), "byCourse[0].attended", equalTo(1),
                        "byCourse[0].partial", equalTo(1), "byCourse[0].noShow", equalTo(1),
                        "byCourse[0].waitlisted", equalTo(1),
                        "byCourse[0].completionRate", equalTo(0.333f), "byCourse[0].noShowRate", equalTo(0.333f),
                        // the farmer who enrolled themself gave no place: the session's commune counts
                        "byProvince.find { it.province == 'Bắc Ninh' }.enrolments", equalTo(4),
                        "byCommune.find { it.commune == 'Xã Tân Sơn' }.noShowRate", equalTo(1.0f),
                        "byCommune.find { it.commune == 'Xã Lục Ngạn' && it.province == 'Bắc Ninh' }.enrolments", equalTo(3),
                        "waitlists.find { it.sessionId == " + ids[1] + " }.waitlistLength", equalTo(1),
                        "listings.trainedFarmers", equalTo(1), "listings.farmersListingProducts", equalTo(1),
                        "listings.productsListed", equalTo(4), "listings.catalog", equalTo("available"));
    }

    @Test
    void reportStillAnswersWhenCatalogIsDownAndSaysSo() {
        long[] ids = courseWithRecordedSession(unique("rdown"));
        CatalogDouble.DOWN.set(true);
        given().auth().oauth2(staff()).queryParam("courseId", ids[0]).get("/reports/training").then().statusCode(200)
                .body("byCourse[0].attended", equalTo(1), "listings.trainedFarmers", equalTo(1),
                        "listings.catalog", startsWith("unavailable"));
    }

    @Test
    void onlyStaffSeeReports() {
        given().auth().oauth2(Fixtures.farmer("farmer-lan")).get("/reports/training").then().statusCode(403);
    }
}
