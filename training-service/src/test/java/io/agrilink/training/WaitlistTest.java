package io.agrilink.training;

import static io.agrilink.training.Fixtures.course;
import static io.agrilink.training.Fixtures.enrol;
import static io.agrilink.training.Fixtures.enrolment;
import static io.agrilink.training.Fixtures.farmer;
import static io.agrilink.training.Fixtures.notices;
import static io.agrilink.training.Fixtures.seated;
import static io.agrilink.training.Fixtures.session;
import static io.agrilink.training.Fixtures.staff;
import static io.agrilink.training.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.training.service.OfferService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class WaitlistTest {

    @Inject
    EntityManager em;

    @Inject
    OfferService offers;

    @Test
    void hundredFarmersEnrollingAtOnceGetThirtySeatsAndAGaplessWaitlist() throws Exception {
        long session = session(course(Topic.LIVESTREAM_SELLING), 30);
        String crowd = unique("crowd");
        List<String> tokens = IntStream.range(0, 100).mapToObj(i -> farmer(crowd + "-" + i)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try {
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType("application/json").body("{}")
                            .post("/sessions/" + session + "/enrolments").then().statusCode(201).extract().jsonPath();
                }));
            }
            start.countDown();
            List<JsonPath> results = new ArrayList<>();
            for (Future<JsonPath> answer : answers) {
                results.add(answer.get());
            }
            assertEquals(30, results.stream().filter(r -> r.getString("status").equals("SEATED")).count());
            List<JsonPath> waiting = results.stream().filter(r -> r.getString("status").equals("WAITLISTED")).toList();
            assertEquals(70, waiting.size());
            assertEquals(IntStream.rangeClosed(1, 70).boxed().toList(),
                    waiting.stream().map(r -> r.getInt("waitlistPosition")).sorted().toList());
        } finally {
            pool.shutdownNow();
        }

        // the register, in arrival order, shows the same positions the farmers were told
        JsonPath register = given().auth().oauth2(staff()).queryParam("status", "WAITLISTED").queryParam("size", 100)
                .get("/sessions/" + session + "/enrolments").then().statusCode(200).extract().jsonPath();
        List<Integer> positions = register.getList("items.waitlistPosition", Integer.class);
        assertEquals(IntStream.rangeClosed(1, 70).boxed().toList(), positions);
        List<Instant> arrivedAt = register.getList("items.createdAt", String.class).stream().map(Instant::parse).toList();
        assertEquals(arrivedAt.stream().sorted().toList(), arrivedAt);

        JsonPath view = given().auth().oauth2(staff()).get("/sessions/" + session).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(30, view.getLong("seatsTaken"));
        assertEquals(70, view.getLong("waitlistLength"));
        assertEquals(30, count("select count(*) from enrolment where session_id = " + session + " and status = 'SEATED'"));
    }

    @Test
    void cancelledSeatIsOfferedToTheFirstWaitingAndAnExpiredOfferMovesOn() {
        long session = session(course(Topic.PACKAGING_DESIGN), 2);
        String f = unique("wl");
        long first = seated(session, f + "-a");
        seated(session, f + "-b");
        long waitingC = enrol(session, f + "-c").then().statusCode(201).extract().jsonPath().getLong("id");
        long waitingD = enrol(session, f + "-d").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(2, enrolment(waitingD).jsonPath().getInt("waitlistPosition"));

        given().auth().oauth2(farmer(f + "-a")).delete("/enrolments/" + first).then().statusCode(200);

        JsonPath offered = enrolment(waitingC).jsonPath();
        assertEquals("OFFERED", offered.getString("status"));
        Instant expires = Instant.parse(offered.getString("offerExpiresAt"));
        Duration held = Duration.between(Instant.now(), expires);
        assertThat(held, greaterThan(Duration.ofHours(47)));
        assertThat(held, lessThanOrEqualTo(Duration.ofHours(48)));
        assertEquals(1, enrolment(waitingD).jsonPath().getInt("waitlistPosition"));
        assertThat(kinds(notices(f + "-c")), hasItem("OFFERED"));

        // the hold runs out: the job passes the seat to the next farmer waiting
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update enrolment set offer_expires_at = now() - interval '1 minute' where id = " + waitingC)
                .executeUpdate());
        assertEquals(1, offers.run(Instant.now()));
        assertEquals("OFFER_EXPIRED", enrolment(waitingC).jsonPath().getString("status"));
        assertEquals("OFFERED", enrolment(waitingD).jsonPath().getString("status"));
        assertThat(kinds(notices(f + "-c")), hasItem("OFFER_EXPIRED"));

        // accepting is too late for the one whose offer expired, in time for the other
        given().auth().oauth2(farmer(f + "-c")).post("/enrolments/" + waitingC + "/accept").then().statusCode(409);
        given().auth().oauth2(farmer(f + "-d")).post("/enrolments/" + waitingD + "/accept").then().statusCode(200);
        assertEquals("SEATED", enrolment(waitingD).jsonPath().getString("status"));
        assertEquals(2, given().auth().oauth2(staff()).get("/sessions/" + session).jsonPath().getLong("seatsTaken"));
    }

    @Test
    void declinedOfferPassesToTheNextAndSeatsPlusOffersNeverExceedCapacity() {
        long session = session(course(Topic.FILMING), 1);
        String f = unique("dec");
        long seat = seated(session, f + "-a");
        long b = enrol(session, f + "-b").then().statusCode(201).extract().jsonPath().getLong("id");
        long c = enrol(session, f + "-c").then().statusCode(201).extract().jsonPath().getLong("id");

        given().auth().oauth2(staff()).delete("/enrolments/" + seat).then().statusCode(200);
        assertEquals("OFFERED", enrolment(b).jsonPath().getString("status"));
        // the held seat is not given to a newcomer
        assertEquals("WAITLISTED", enrol(session, f + "-late").then().statusCode(201).extract().jsonPath().getString("status"));

        given().auth().oauth2(farmer(f + "-b")).post("/enrolments/" + b + "/decline").then().statusCode(200);
        assertEquals("OFFERED", enrolment(c).jsonPath().getString("status"));
        assertEquals(1, count("select count(*) from enrolment where session_id = " + session
                + " and status in ('SEATED', 'OFFERED')"));
    }

    @Test
    void farmerIsRemindedOnceBeforeTheirOfferExpires() {
        long session = session(course(Topic.FILMING), 1);
        String f = unique("rem");
        long seat = seated(session, f + "-a");
        long b = enrol(session, f + "-b").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(staff()).delete("/enrolments/" + seat).then().statusCode(200);

        // 11 hours before expiry: inside the 12-hour reminder window
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update enrolment set offer_expires_at = now() + interval '11 hours' where id = " + b).executeUpdate());
        offers.run(Instant.now());
        offers.run(Instant.now());
        assertEquals(1, kinds(notices(f + "-b")).stream().filter("OFFER_EXPIRING"::equals).count());
        assertEquals("OFFERED", enrolment(b).jsonPath().getString("status"));
    }

    @Test
    void farmerLeavesTheWaitlistAndPositionsCloseUp() {
        long session = session(course(Topic.OTHER), 1);
        String f = unique("leave");
        seated(session, f + "-a");
        long b = enrol(session, f + "-b").then().statusCode(201).extract().jsonPath().getLong("id");
        long c = enrol(session, f + "-c").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> left = given().auth().oauth2(farmer(f + "-b")).delete("/enrolments/" + b).then()
                .statusCode(200).extract().jsonPath().getMap("");
        assertEquals("LEFT_WAITLIST", left.get("status"));
        assertEquals(1, enrolment(c).jsonPath().getInt("waitlistPosition"));
    }

    private static List<Object> kinds(List<Map<String, Object>> notices) {
        return notices.stream().map(n -> n.get("kind")).toList();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
