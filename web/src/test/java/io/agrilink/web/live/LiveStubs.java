package io.agrilink.web.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * catalog-service, order-service and training-service as the livestream pages' tests need them, at
 * {@code /stub/catalog/live}, {@code /stub/order/live} and {@code /stub/training/live} (these clients'
 * test URLs): over real HTTP with the services' problem bodies (api.md's shapes), remembering what they
 * were sent and with which token. Staff may move any stream; anyone else only a stream they are a mover of.
 */
public class LiveStubs {

    static final Map<String, Livestream> STREAMS = new ConcurrentHashMap<>();
    /** Who may move each stream (usernames), as catalog works it out from the hosts. */
    static final Map<String, Set<String>> MOVERS = new ConcurrentHashMap<>();
    static final Map<String, StreamCounter> COUNTERS = new ConcurrentHashMap<>();
    static final Map<String, StreamCounter> RESULTS = new ConcurrentHashMap<>();
    static final Map<Long, TeamResults> TEAM_RESULTS = new ConcurrentHashMap<>();
    static final Map<Long, Team> TEAMS = new ConcurrentHashMap<>();
    /** Farmers holding the livestream-ready badge. */
    static final Set<String> BADGED = ConcurrentHashMap.newKeySet();
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final Map<String, JsonNode> LAST_BODY = new ConcurrentHashMap<>();
    static volatile Funnel funnel;
    static volatile boolean orderServiceDown;
    static volatile boolean trainingDown;
    static volatile boolean listAsPage;

    static final String CSV = "group,enrolled,attended,certified,listedProduct,hostedStream,firstSale,revenue\r\n"
            + "Bán hàng qua livestream,40,32,30,22,9,7,48500000\r\nTotal,40,32,30,22,9,7,48500000\r\n";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static void reset() {
        STREAMS.clear();
        MOVERS.clear();
        COUNTERS.clear();
        RESULTS.clear();
        TEAM_RESULTS.clear();
        TEAMS.clear();
        BADGED.clear();
        RECEIVED.clear();
        LAST_BODY.clear();
        funnel = null;
        orderServiceDown = false;
        trainingDown = false;
        listAsPage = false;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Response problem(int status, String detail, String violations, String extensions) {
        return Response.status(status).type("application/problem+json").entity("{\"type\":\"about:blank\",\"title\":\"Refused\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"violations\":[" + violations + "]" + extensions + "}").build();
    }

    private static Response ok(Object value) {
        return Response.ok(write(value)).type(MediaType.APPLICATION_JSON).build();
    }

    private static void received(String what, String authorization) {
        RECEIVED.add(what + " " + authorization);
    }

    /** The username behind {@code Bearer token-of-<name>} (TestLogin's tokens), or null. */
    private static String who(String authorization) {
        return authorization == null ? null : authorization.replace("Bearer token-of-", "");
    }

    static Livestream stream(String code, String title, String state, long campaignId, List<Long> lotIds,
            String... moverUsernames) {
        Instant start = Instant.parse("2026-06-10T12:00:00Z");
        Livestream s = new Livestream(7, code, title, "TIKTOK", "https://www.tiktok.com/@bacninh/live", start,
                start.plusSeconds(3 * 3600), state, state.equals("LIVE") || state.equals("ENDED") ? start : null,
                state.equals("ENDED") ? start.plusSeconds(6 * 3600 + 180) : null, null, null,
                new Livestream.CampaignRef(campaignId, "Tuần lễ vải thiều"), lotIds,
                List.of(new Livestream.Host("LEADER", "Phó Chủ tịch UBND tỉnh", null),
                        new Livestream.Host("TEAM", "Tổ bán hàng Phượng Sơn", 2L)),
                "/live/" + code, null);
        STREAMS.put(code, s);
        MOVERS.put(code, Set.of(moverUsernames));
        return s;
    }

    private static Livestream moved(Livestream s, String state, String reason) {
        Instant now = Instant.parse("2026-06-10T12:05:00Z");
        return new Livestream(s.id(), s.code(), s.title(), s.platform(), s.url(), s.plannedStart(), s.plannedEnd(), state,
                state.equals("LIVE") ? now : s.startedAt(), state.equals("ENDED") ? now : s.endedAt(),
                state.equals("CANCELLED") ? now : null, reason, s.campaign(), s.lotIds(), s.hosts(), s.link(), true);
    }

    @Path("/stub/catalog/live")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Catalog {

        @GET
        @Path("livestreams/mine")
        public Response mine(@HeaderParam("Authorization") String token) {
            received("GET /livestreams/mine", token);
            String me = who(token);
            List<Livestream> mine = STREAMS.values().stream()
                    .filter(s -> me != null && (me.startsWith("staff-") || MOVERS.getOrDefault(s.code(), Set.of()).contains(me)))
                    .sorted((a, b) -> a.code().compareTo(b.code())).toList();
            return ok(mine);
        }

        @GET
        @Path("livestreams/{code}")
        public Response livestream(@PathParam("code") String code, @HeaderParam("Authorization") String token) {
            received("GET /livestreams/" + code, token);
            Livestream s = STREAMS.get(code);
            return s == null ? problem(404, "No livestream has code " + code, "", "") : ok(s);
        }

        @GET
        @Path("livestreams")
        public Response livestreams(@QueryParam("state") String state, @HeaderParam("Authorization") String token) {
            received("GET /livestreams?state=" + state, token);
            List<Livestream> all = STREAMS.values().stream().filter(s -> state == null || s.state().equals(state))
                    .sorted((a, b) -> a.code().compareTo(b.code())).toList();
            return listAsPage ? ok(Map.of("items", all, "page", 0, "size", 100, "total", all.size())) : ok(all);
        }

        @POST
        @Path("livestreams")
        public Response schedule(String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("POST /livestreams", token);
            LAST_BODY.put("POST /livestreams", body);
            if (!body.path("url").asText("").startsWith("https://")) {
                return problem(400, "url: must be an https address",
                        "{\"field\":\"url\",\"message\":\"must be an https address\"}", "");
            }
            JsonNode lots = body.path("lotIds");
            for (int i = 0; i < lots.size(); i++) {
                if (lots.get(i).asLong() == 999) {
                    return problem(422, "lotIds[" + i + "]: is not a lot of campaign " + body.path("campaignId").asLong(),
                            "{\"field\":\"lotIds[" + i + "]\",\"message\":\"is not a lot of the campaign\"}", "");
                }
            }
            JsonNode hosts = body.path("hosts");
            for (int i = 0; i < hosts.size(); i++) {
                if (hosts.get(i).path("kind").asText().equals("FARMER") && hosts.get(i).path("subject").asText().equals("nobody")) {
                    return problem(422, "hosts[" + i + "].subject: is not a farmer's account",
                            "{\"field\":\"hosts[" + i + "].subject\",\"message\":\"is not a farmer's account\"}", "");
                }
            }
            Livestream created = stream("NEW234", body.path("title").asText(), "SCHEDULED", body.path("campaignId").asLong(),
                    List.of(), "staff-hoa");
            return Response.status(201).header("Location", "/livestreams/NEW234").entity(write(created))
                    .type(MediaType.APPLICATION_JSON).build();
        }

        private Response move(String code, String token, String from, String to, String reason) {
            Livestream s = STREAMS.get(code);
            if (s == null) {
                return problem(404, "No livestream has code " + code, "", "");
            }
            String me = who(token);
            if (me == null || !me.startsWith("staff-") && !MOVERS.getOrDefault(code, Set.of()).contains(me)) {
                return problem(403, "Only staff or one of the stream's hosts may move it", "", "");
            }
            if (!s.state().equals(from)) {
                return problem(409, "state: livestream " + code + " is " + s.state(), "", ",\"state\":\"" + s.state() + "\"");
            }
            STREAMS.put(code, moved(s, to, reason));
            return ok(STREAMS.get(code));
        }

        @POST
        @Path("livestreams/{code}/start")
        public Response start(@PathParam("code") String code, @HeaderParam("Authorization") String token) {
            received("POST /livestreams/" + code + "/start", token);
            return move(code, token, "SCHEDULED", "LIVE", null);
        }

        @POST
        @Path("livestreams/{code}/end")
        public Response end(@PathParam("code") String code, @HeaderParam("Authorization") String token) {
            received("POST /livestreams/" + code + "/end", token);
            return move(code, token, "LIVE", "ENDED", null);
        }

        @POST
        @Path("livestreams/{code}/cancel")
        public Response cancel(@PathParam("code") String code, String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("POST /livestreams/" + code + "/cancel", token);
            LAST_BODY.put("POST /livestreams/cancel", body);
            return move(code, token, "SCHEDULED", "CANCELLED", body.path("reason").asText());
        }

        // ---- teams

        @GET
        @Path("teams")
        public Response teams(@HeaderParam("Authorization") String token) {
            received("GET /teams", token);
            return ok(TEAMS.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList());
        }

        @GET
        @Path("teams/mine")
        public Response mine(@HeaderParam("Authorization") String token, @QueryParam("x") String unused) {
            received("GET /teams/mine", token);
            String me = who(token);
            return TEAMS.values().stream().filter(t -> t.members().stream().anyMatch(m -> m.subject().equals(me)))
                    .findFirst().map(LiveStubs::ok).orElseGet(() -> problem(404, me + " is in no team", "", ""));
        }

        @GET
        @Path("teams/{id}")
        public Response team(@PathParam("id") long id, @HeaderParam("Authorization") String token) {
            received("GET /teams/" + id, token);
            Team t = TEAMS.get(id);
            return t == null ? problem(404, "Team " + id + " does not exist", "", "") : ok(t);
        }

        /** The badge rule (422) and the one-team rule (409, with the other team's name), as catalog answers them. */
        private static Response refuse(List<String> subjects, long exceptTeam, String field) {
            for (int i = 0; i < subjects.size(); i++) {
                String subject = subjects.get(i);
                String named = field == null ? "members[" + i + "]" : field;
                if (!BADGED.contains(subject)) {
                    return problem(422, named + ": " + subject + " has no livestream-ready badge",
                            "{\"field\":\"" + named + "\",\"message\":\"has no livestream-ready badge\"}", "");
                }
                for (Team other : TEAMS.values()) {
                    if (other.id() != exceptTeam && other.members().stream().anyMatch(m -> m.subject().equals(subject))) {
                        return problem(409, named + ": " + subject + " is already in " + other.name(),
                                "{\"field\":\"" + named + "\",\"message\":\"is already in another team\"}",
                                ",\"teamName\":\"" + other.name() + "\"");
                    }
                }
            }
            return null;
        }

        static Team team(long id, String name, String leader, List<String> members) {
            List<Team.Member> all = new ArrayList<>();
            for (String m : members) {
                all.add(new Team.Member(m, List.of("Hộ " + m), "LIVE-" + m.toUpperCase(), Instant.parse("2026-06-01T02:00:00Z")));
            }
            Team t = new Team(id, name, "TEAM", "Bắc Ninh", "Xã Phượng Sơn", leader, all, Instant.parse("2026-06-01T02:00:00Z"));
            TEAMS.put(id, t);
            return t;
        }

        @POST
        @Path("teams")
        public Response create(String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("POST /teams", token);
            LAST_BODY.put("POST /teams", body);
            List<String> members = new ArrayList<>();
            body.path("members").forEach(m -> members.add(m.asText()));
            String leader = body.path("leader").asText();
            if (!BADGED.contains(leader)) {
                return refuse(List.of(leader), -1, "leader");
            }
            Response refused = refuse(members, -1, null);
            if (refused != null) {
                return refused;
            }
            List<String> all = new ArrayList<>(members);
            if (!all.contains(leader)) {
                all.add(0, leader);
            }
            Team created = team(5, body.path("name").asText(), leader, all);
            return Response.status(201).header("Location", "/teams/5").entity(write(created)).type(MediaType.APPLICATION_JSON)
                    .build();
        }

        @PUT
        @Path("teams/{id}")
        public Response change(@PathParam("id") long id, String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("PUT /teams/" + id, token);
            LAST_BODY.put("PUT /teams", body);
            Team t = TEAMS.get(id);
            if (t == null) {
                return problem(404, "Team " + id + " does not exist", "", "");
            }
            String leader = body.path("leader").asText();
            if (t.members().stream().noneMatch(m -> m.subject().equals(leader))) {
                return problem(422, "leader: is not a member of the team",
                        "{\"field\":\"leader\",\"message\":\"is not a member of the team\"}", "");
            }
            Team changed = new Team(id, body.path("name").asText(), body.path("kind").asText(), body.path("province").asText(),
                    body.path("commune").asText(), leader, t.members(), t.createdAt());
            TEAMS.put(id, changed);
            return ok(changed);
        }

        @PUT
        @Path("teams/{id}/members/{subject}")
        public Response add(@PathParam("id") long id, @PathParam("subject") String subject,
                @HeaderParam("Authorization") String token) {
            received("PUT /teams/" + id + "/members/" + subject, token);
            Team t = TEAMS.get(id);
            if (t == null) {
                return problem(404, "Team " + id + " does not exist", "", "");
            }
            if (t.members().stream().anyMatch(m -> m.subject().equals(subject))) {
                return ok(t);
            }
            Response refused = refuse(List.of(subject), id, "subject");
            if (refused != null) {
                return refused;
            }
            List<String> all = new ArrayList<>(t.members().stream().map(Team.Member::subject).toList());
            all.add(subject);
            return ok(team(id, t.name(), t.leader(), all));
        }

        @DELETE
        @Path("teams/{id}/members/{subject}")
        public Response remove(@PathParam("id") long id, @PathParam("subject") String subject,
                @HeaderParam("Authorization") String token) {
            received("DELETE /teams/" + id + "/members/" + subject, token);
            Team t = TEAMS.get(id);
            if (t == null) {
                return problem(404, "Team " + id + " does not exist", "", "");
            }
            if (t.leader().equals(subject)) {
                return problem(409, "subject: the leader cannot be removed",
                        "{\"field\":\"subject\",\"message\":\"the leader cannot be removed\"}", "");
            }
            return ok(team(id, t.name(), t.leader(),
                    t.members().stream().map(Team.Member::subject).filter(s -> !s.equals(subject)).toList()));
        }
    }

    @Path("/stub/order/live")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Orders {

        @GET
        @Path("livestreams/{code}/counter")
        public Response counter(@PathParam("code") String code, @HeaderParam("Authorization") String token) {
            received("GET /livestreams/" + code + "/counter", token);
            if (orderServiceDown) {
                return problem(503, "The database is not reachable", "", "");
            }
            StreamCounter c = COUNTERS.get(code);
            return c == null ? problem(404, "No livestream has code " + code, "", "")
                    : Response.ok(write(c)).header("Cache-Control", "public, max-age=1").build();
        }

        @GET
        @Path("livestreams/{code}/results")
        public Response results(@PathParam("code") String code, @HeaderParam("Authorization") String token) {
            received("GET /livestreams/" + code + "/results", token);
            if (orderServiceDown) {
                return problem(503, "The database is not reachable", "", "");
            }
            String me = who(token);
            if (me == null || !me.startsWith("staff-") && !MOVERS.getOrDefault(code, Set.of()).contains(me)) {
                return problem(403, "Only staff or the stream's hosts", "", "");
            }
            StreamCounter c = RESULTS.get(code);
            return c == null ? problem(404, "No livestream has code " + code, "", "") : ok(c);
        }

        @GET
        @Path("livestream-results")
        public Response teamResults(@QueryParam("team") long team, @HeaderParam("Authorization") String token) {
            received("GET /livestream-results?team=" + team, token);
            TeamResults r = TEAM_RESULTS.get(team);
            return r == null ? problem(404, "No results", "", "") : ok(r);
        }
    }

    @Path("/stub/training/live")
    public static class Training {

        @GET
        @Path("reports/funnel")
        public Response funnel(@QueryParam("by") String by, @QueryParam("from") String from, @QueryParam("to") String to,
                @QueryParam("format") String format, @HeaderParam("Accept") String accept,
                @HeaderParam("Authorization") String token) {
            boolean csv = "csv".equals(format) || accept != null && accept.contains("text/csv");
            received("GET /reports/funnel?by=" + by + "&from=" + from + "&to=" + to + (csv ? " csv" : ""), token);
            if (trainingDown) {
                return problem(503, "The database is not reachable", "", "");
            }
            if ("2026-13-01".equals(from)) {
                return problem(400, "from: is not a date", "{\"field\":\"from\",\"message\":\"is not a date\"}", "");
            }
            if (csv) {
                return Response.ok(CSV.getBytes(java.nio.charset.StandardCharsets.UTF_8)).type("text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"funnel-" + by + "-" + from + "-" + to + ".csv\"")
                        .build();
            }
            return Response.ok(write(funnel)).type(MediaType.APPLICATION_JSON).build();
        }
    }
}
