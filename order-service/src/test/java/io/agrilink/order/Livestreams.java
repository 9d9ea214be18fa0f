package io.agrilink.order;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.Tokens;
import io.restassured.response.Response;

/** Livestream snapshots as catalog-service sends them, and the codes the tests give them. */
final class Livestreams {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000);

    private Livestreams() {
    }

    static long newId() {
        return IDS.incrementAndGet();
    }

    /** A fresh code as catalog makes them: 6 of the 32 unambiguous characters. */
    static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static Map<String, Object> host(String kind, String name, String subject, Long teamId, List<String> members) {
        Map<String, Object> host = new HashMap<>();
        host.put("kind", kind);
        host.put("name", name);
        host.put("subject", subject);
        host.put("teamId", teamId);
        host.put("members", members);
        return host;
    }

    static Map<String, Object> leader(String subject) {
        return host("LEADER", "Phó Chủ tịch UBND tỉnh", subject, null, List.of());
    }

    static Map<String, Object> team(long teamId, String... members) {
        return host("TEAM", "Tổ bán hàng Phượng Sơn", null, teamId, List.of(members));
    }

    /** A snapshot of stream {@code id}; {@code startedAt}/{@code endedAt} as the state implies unless given. */
    static Map<String, Object> snapshot(long id, String code, long campaignId, String state, long version,
            Instant startedAt, Instant endedAt, List<Map<String, Object>> hosts) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("code", code);
        s.put("campaignId", campaignId);
        s.put("title", "Vải thiều Lục Ngạn – trực tiếp từ vườn");
        s.put("state", state);
        s.put("plannedStart", Instant.now().minusSeconds(3600).toString());
        s.put("plannedEnd", Instant.now().plusSeconds(6 * 3600).toString());
        s.put("startedAt", startedAt == null ? null : startedAt.toString());
        s.put("endedAt", endedAt == null ? null : endedAt.toString());
        Long teamId = hosts.stream().filter(h -> "TEAM".equals(h.get("kind"))).map(h -> (Long) h.get("teamId"))
                .findFirst().orElse(null);
        s.put("teamId", teamId);
        s.put("teamName", teamId == null ? null : "Tổ bán hàng Phượng Sơn");
        s.put("hosts", new ArrayList<>(hosts));
        s.put("version", version);
        return s;
    }

    /** A LIVE stream started an hour ago, hosted by a leader. */
    static Map<String, Object> live(long id, String code, long campaignId, long version) {
        return snapshot(id, code, campaignId, "LIVE", version, Instant.now().minusSeconds(3600), null,
                List.of(leader("leader-hung")));
    }

    static Response send(Map<String, Object> snapshot) {
        return given().auth().oauth2(Tokens.of(Roles.SERVICE, "catalog-service")).contentType("application/json")
                .body(snapshot).put("/livestreams/" + snapshot.get("id"));
    }

    /** Sends the snapshot, which must be accepted (204). */
    static void sent(Map<String, Object> snapshot) {
        send(snapshot).then().statusCode(204);
    }

    /** An order of one lot with a livestream code (null: none). */
    static Map<String, Object> withCode(Map<String, Object> order, Object code) {
        Map<String, Object> body = new LinkedHashMap<>(order);
        if (code != null) {
            body.put("live", code);
        }
        return body;
    }
}
