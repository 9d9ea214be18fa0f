package io.agrilink.order;

import static io.agrilink.order.Livestreams.leader;
import static io.agrilink.order.Livestreams.live;
import static io.agrilink.order.Livestreams.newCode;
import static io.agrilink.order.Livestreams.newId;
import static io.agrilink.order.Livestreams.send;
import static io.agrilink.order.Livestreams.sent;
import static io.agrilink.order.Livestreams.snapshot;
import static io.agrilink.order.Livestreams.team;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.PostgresResource;
import io.agrilink.platform.testing.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** catalog-service's snapshots: the newest version wins, however they arrive; only a service sends them. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class LivestreamReplicaTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOlderOrEqualVersionIsIgnored() throws Exception {
        long id = newId();
        String code = newCode();
        Map<String, Object> v3 = snapshot(id, code, 1, "LIVE", 3, Instant.now(), null,
                List.of(leader("leader-hung"), team(2, "farmer-lan", "farmer-minh")));
        sent(v3);
        Map<String, Object> v2 = snapshot(id, code, 1, "SCHEDULED", 2, null, null, List.of(leader("kol-thu")));
        v2.put("title", "Bản cũ");
        sent(v2);
        Map<String, Object> again = new HashMap<>(v3);
        again.put("title", "Cùng phiên bản");
        sent(again);
        assertEquals("LIVE|3|Vải thiều Lục Ngạn – trực tiếp từ vườn|2", row(id));
        assertEquals("LEADER:leader-hung,TEAM:null", hosts(id));

        Map<String, Object> v4 = snapshot(id, code, 1, "ENDED", 4, Instant.now().minusSeconds(60), Instant.now(),
                List.of(leader("kol-thu")));
        sent(v4);
        assertEquals("ENDED|4|Vải thiều Lục Ngạn – trực tiếp từ vườn|null", row(id));
        assertEquals("LEADER:kol-thu", hosts(id));
    }

    @Test
    void parallelDeliveriesLeaveTheNewest() throws Exception {
        long id = newId();
        String code = newCode();
        List<Integer> versions = new ArrayList<>();
        for (int v = 1; v <= 24; v++) {
            versions.add(v);
            versions.add(v); // each delivered twice, as an outbox may after a lost answer
        }
        Collections.shuffle(versions);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService relay = Executors.newFixedThreadPool(16)) {
            for (int v : versions) {
                List<Map<String, Object>> hosts = new ArrayList<>();
                for (int h = 0; h < 1 + v % 5; h++) {
                    hosts.add(leader("host-" + v + "-" + h));
                }
                Map<String, Object> body = snapshot(id, code, 1, v == 24 ? "ENDED" : "LIVE", v,
                        Instant.now().minusSeconds(60), v == 24 ? Instant.now() : null, hosts);
                answers.add(relay.submit(() -> {
                    start.await();
                    return send(body).statusCode();
                }));
            }
            start.countDown();
        }
        for (Future<Integer> answer : answers) {
            assertEquals(204, answer.get());
        }
        assertEquals("ENDED|24|Vải thiều Lục Ngạn – trực tiếp từ vườn|null", row(id));
        assertEquals("LEADER:host-24-0,LEADER:host-24-1,LEADER:host-24-2,LEADER:host-24-3,LEADER:host-24-4",
                hosts(id), "the hosts of version 24 only, each once");
    }

    @Test
    void onlyAServiceSendsSnapshots() {
        Map<String, Object> body = live(newId(), newCode(), 1, 1);
        given().contentType("application/json").body(body).put("/livestreams/" + body.get("id")).then()
                .statusCode(401);
        for (String role : new String[] { Roles.STAFF, Roles.FARMER, Roles.BUYER, Roles.CARRIER }) {
            given().auth().oauth2(Tokens.of(role, "someone")).contentType("application/json").body(body)
                    .put("/livestreams/" + body.get("id")).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.expired(Roles.SERVICE, "catalog-service")).contentType("application/json")
                .body(body).put("/livestreams/" + body.get("id")).then().statusCode(401);
        send(body).then().statusCode(204);
    }

    @Test
    void aBadSnapshotIsA400NamingTheField() {
        long id = newId();
        Map<String, Object> body = live(id, newCode(), 1, 1);
        given().auth().oauth2(Tokens.of(Roles.SERVICE, "catalog-service")).contentType("application/json").body(body)
                .put("/livestreams/" + (id + 1)).then().statusCode(400).body("violations[0].field", equalTo("id"));
        expect400(with(body, "code", "LN-6CH"), "code");
        expect400(with(body, "state", "PAUSED"), "state");
        expect400(with(body, "title", " "), "title");
        expect400(with(body, "version", -1), "version");
        expect400(with(body, "campaignId", null), "campaignId");
        List<Map<String, Object>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(leader("leader-" + i));
        }
        expect400(with(body, "hosts", six), "hosts");
        expect400(with(body, "hosts", List.of(Livestreams.host("HOST", "Ai đó", null, null, List.of()))),
                "hosts[0].kind");
        expect400(with(body, "startedAt", "hôm qua"), "startedAt");
    }

    @Test
    void aCodeTakenByAnotherStreamIsA409() {
        String code = newCode();
        sent(live(newId(), code, 1, 1));
        send(live(newId(), code, 1, 1)).then().statusCode(409);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static void expect400(Map<String, Object> body, String field) {
        send(body).then().statusCode(400).body("violations[0].field", equalTo(field));
    }

    private String row(long id) throws SQLException {
        return text("select state || '|' || version || '|' || title || '|' || coalesce(team_id::text, 'null')"
                + " from livestream where id = " + id);
    }

    private String hosts(long id) throws SQLException {
        return text("select string_agg(kind || ':' || coalesce(subject, 'null'), ',' order by position)"
                + " from livestream_host where livestream_id = " + id);
    }

    private String text(String query) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(query);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
