package io.agrilink.suite.e2e;

import static io.agrilink.suite.e2e.E2e.step;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.agrilink.suite.KeycloakClient;
import io.agrilink.suite.KeycloakServer;
import io.agrilink.suite.Launcher;
import io.agrilink.suite.LocalSuite;
import io.agrilink.suite.Service;
import io.agrilink.suite.demo.DemoContext;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sign-in as it runs for real: the Keycloak distribution from Maven Central with the committed
 * {@code agrilink} realm, the four packaged services in identity-provider mode (Keycloak's JWKS the
 * only key they trust, issuer and audience checked, roles from {@code realm_access}, their own
 * calls by client credentials), and the demo data loaded through them by real sign-ins.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSignInTest {

    // Keycloak 31080, the services 31081..31084: clear of the e2e suite (28081..), the launcher crash test
    // (29081..), the benchmarks (30081..) and below the kernel's ephemeral ports
    private static final int PORT_OFFSET = 23000;

    private static LocalSuite suite;
    private static KeycloakClient keycloak;
    private static DemoContext demo;
    private static String demoPassword;

    @BeforeAll
    static void suiteWithKeycloak() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path data = Path.of("target", "keycloak-e2e").toAbsolutePath();
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path root = RunningSuite.copyOfPackagedServices(repository, data.resolve("apps"));
        suite = new LocalSuite(LocalSuite.Options.defaults(root, data).withPortOffset(PORT_OFFSET)
                .withIdentityProvider(true)
                .withProperties(Map.of(
                        // the JWKS re-read every minute (production: 10) and verified tokens remembered
                        // 5 s, so a removed key's tokens stop working within the test
                        "smallrye.jwt.jwks.refresh-interval", "1",
                        "agrilink.security.verified-tokens.max-age", "5s",
                        "agrilink.outbox.initial-backoff", "200ms",
                        "agrilink.outbox.max-backoff", "2s")),
                line -> System.out.println("[keycloak-e2e] " + line));
        suite.checkPortsFree();
        try {
            suite.startDatabase();
            suite.startIdentityProvider();
            suite.startServices();
            suite.awaitIdentityProvider();
            keycloak = suite.keycloak();
            demoPassword = suite.identityProvider().secrets().demoPassword();
            demo = Launcher.loadDemo(suite, line -> System.out.println("[keycloak-e2e] " + line));
        } catch (Exception e) {
            suite.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void aPasswordSignInGivesATokenEveryServiceAcceptsWithItsRoles() {
        String lan = signIn("farmer-lan");
        step("the token is Keycloak's: issuer, audience, username and realm roles", () -> {
            JsonNode claims = KeycloakClient.claims(lan);
            assertEquals(suite.identityProvider().issuer(), claims.path("iss").asText());
            assertEquals("agrilink", claims.path("aud").asText());
            assertEquals("farmer-lan", claims.path("preferred_username").asText());
            assertEquals(Set.of("farmer"), KeycloakClient.rolesOf(lan));
            assertTrue(claims.path("exp").asLong() - claims.path("iat").asLong() <= 3600, "a short-lived token");
        });
        step("every service accepts it for what a farmer may do", () -> {
            call(Service.CATALOG, lan).get(anyRoleEndpoint(Service.CATALOG)).then().statusCode(200);
            call(Service.TRAINING, lan).get("/courses").then().statusCode(200);
            call(Service.TRAINING, lan).get("/sessions").then().statusCode(200);
            call(Service.ORDER, lan).get("/packing-list").then().statusCode(200);
        });
        step("the username is the identity: farmer-lan lists a product of her cooperative, farmer-minh may not", () -> {
            long cooperative = fact("producer.htx-luc-ngan");
            call(Service.CATALOG, lan).body(E2e.productBody(cooperative, 95_000)).post("/products").then().statusCode(201);
            call(Service.CATALOG, signIn("farmer-minh")).body(E2e.productBody(cooperative, 95_000)).post("/products").then()
                    .statusCode(403);
        });
        step("a buyer's and a carrier's tokens work where their roles do", () -> {
            String buyer = signIn("buyer-hanoi");
            List<String> owners = call(Service.ORDER, buyer).get("/orders").then().statusCode(200).extract()
                    .jsonPath().getList("items.buyer");
            assertFalse(owners.isEmpty(), "the demo's orders of buyer-hanoi");
            assertEquals(Set.of("buyer-hanoi"), Set.copyOf(owners));
            call(Service.LOGISTICS, signIn("carrier-coldchain")).get("/shipments/open").then().statusCode(200);
        });
    }

    @Test
    @Order(2)
    void anAccountWithoutTheRoleIsForbiddenAndOneWithNoRoleAtAllIsNotSignedIn() {
        String buyer = signIn("buyer-hcm");
        step("a buyer may not do what staff or farmers do (403)", () -> {
            call(Service.TRAINING, buyer).body(Map.of("code", "X-1", "topic", "FILMING", "hours", 1, "title",
                    Map.of("vi", "Quay phim"))).post("/courses").then().statusCode(403);
            call(Service.CATALOG, buyer).body(E2e.productBody(fact("producer.htx-luc-ngan"), 95_000)).post("/products").then()
                    .statusCode(403);
            call(Service.LOGISTICS, buyer).get("/shipments").then().statusCode(403);
            call(Service.ORDER, buyer).get("/packing-list").then().statusCode(403);
        });
        step("a new account gets the realm's default role, buyer, as a self-registered buyer does", () -> {
            String id = createAccount("buyer-new-" + UUID.randomUUID().toString().substring(0, 8));
            String token = keycloak.password(username(id), "Vai-thieu-2026").accessToken();
            assertTrue(KeycloakClient.rolesOf(token).contains("buyer"), KeycloakClient.rolesOf(token).toString());
            call(Service.ORDER, token).get("/orders").then().statusCode(200);
            call(Service.TRAINING, token).get("/sessions").then().statusCode(403);
        });
        step("an account stripped of every role signs in at Keycloak, but no service takes its token (401)", () -> {
            String id = createAccount("no-role-" + UUID.randomUUID().toString().substring(0, 8));
            JsonNode defaults = keycloak.adminJson("GET", KeycloakServer.REALM + "/roles/default-roles-agrilink", null);
            keycloak.adminJson("DELETE", KeycloakServer.REALM + "/users/" + id + "/role-mappings/realm",
                    List.of(defaults));
            String token = keycloak.password(username(id), "Vai-thieu-2026").accessToken();
            assertEquals(Set.of(), KeycloakClient.rolesOf(token));
            for (Service service : Service.values()) {
                call(service, token).get(anyRoleEndpoint(service)).then().statusCode(401);
            }
        });
    }

    @Test
    @Order(3)
    void tokensOfAnotherRealmTheLocalKeyOrNotForAccessAreRefused() {
        step("a realm 'elsewhere' on the same Keycloak, with a staff user: its token is refused everywhere (401)", () -> {
            keycloak.adminJson("POST", "", Map.of("realm", "elsewhere", "enabled", true,
                    "roles", Map.of("realm", List.of(Map.of("name", "staff"))),
                    "clients", List.of(Map.of("clientId", "agrilink-cli", "publicClient", true,
                            "directAccessGrantsEnabled", true, "protocolMappers", List.of(Map.of("name", "aud",
                                    "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                                    "config", Map.of("included.custom.audience", "agrilink",
                                            "access.token.claim", "true"))))),
                    "users", List.of(Map.of("username", "staff-hoa", "enabled", true, "firstName", "Hòa",
                            "lastName", "Trần", "email", "hoa@elsewhere.example", "emailVerified", true,
                            "realmRoles", List.of("staff"), "credentials", List.of(Map.of("type", "password",
                                    "value", "Elsewhere-2026", "temporary", false))))));
            KeycloakClient elsewhere = new KeycloakClient(suite.identityProvider().url(), "elsewhere",
                    suite.identityProvider().secrets(), user -> "Elsewhere-2026");
            String token = elsewhere.password("staff-hoa", "Elsewhere-2026").accessToken();
            assertEquals(Set.of("staff"), KeycloakClient.rolesOf(token));
            for (Service service : Service.values()) {
                call(service, token).get(anyRoleEndpoint(service)).then().statusCode(401);
            }
        });
        step("a token signed with the local key (the --no-idp mode's) is refused (401)", () -> {
            String local = suite.keys().token("staff", "staff-hoa", Duration.ofHours(1));
            for (Service service : Service.values()) {
                call(service, local).get(anyRoleEndpoint(service)).then().statusCode(401);
            }
        });
        step("the refresh token of a real sign-in is not an access token (401)", () -> {
            KeycloakClient.Token session = keycloak.password("staff-hoa", demoPassword);
            call(Service.TRAINING, session.refreshToken()).get("/courses").then().statusCode(401);
        });
    }

    @Test
    @Order(4)
    void staffRegisterAFarmerByPhoneNumberWhoSetsHerOwnPassword() {
        String staff = signIn("staff-hoa");
        String phone = "09" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        String[] temporary = new String[1];
        step("staff register a farmer with her phone number as the username (POST /accounts)", () -> {
            Response created = call(Service.CATALOG, staff).body(Map.of("username", phone.substring(0, 4) + " "
                    + phone.substring(4, 7) + " " + phone.substring(7), "firstName", "Thị Hạnh", "lastName", "Ngô",
                    "role", "farmer")).post("/accounts");
            assertEquals(201, created.statusCode(), created.asString());
            assertEquals(phone, created.jsonPath().getString("username"));
            temporary[0] = created.jsonPath().getString("temporaryPassword");
            assertEquals(List.of("farmer"), call(Service.CATALOG, staff).get("/accounts/" + phone).then()
                    .statusCode(200).extract().jsonPath().getList("roles"));
            call(Service.CATALOG, staff).body(Map.of("username", phone, "firstName", "Thị Hạnh", "lastName", "Ngô",
                    "role", "farmer")).post("/accounts").then().statusCode(409);
        });
        step("a farmer may not register accounts (403)", () -> call(Service.CATALOG, signIn("farmer-lan"))
                .body(Map.of("username", "0977000111", "firstName", "A", "lastName", "B", "role", "farmer"))
                .post("/accounts").then().statusCode(403));
        step("the temporary password alone does not sign her in: she must choose her own first", () -> {
            KeycloakClient.RefusedException refused = assertThrows(KeycloakClient.RefusedException.class,
                    () -> keycloak.password(phone, temporary[0]));
            assertTrue(refused.getMessage().contains("not fully set up"), refused.getMessage());
        });
        step("with her own password she signs in as a farmer and registers her household as its owner", () -> {
            String id = keycloak.user(phone).path("id").asText();
            keycloak.adminJson("PUT", KeycloakServer.REALM + "/users/" + id + "/reset-password",
                    Map.of("type", "password", "value", "Vai-thieu-2026", "temporary", false));
            String token = keycloak.password(phone, "Vai-thieu-2026").accessToken();
            // farmer, and buyer as every account is (the realm's default role)
            assertTrue(KeycloakClient.rolesOf(token).containsAll(Set.of("farmer", "buyer")),
                    KeycloakClient.rolesOf(token).toString());
            Map<String, Object> household = new LinkedHashMap<>();
            household.put("name", "Hộ Ngô Thị Hạnh");
            household.put("kind", "HOUSEHOLD");
            household.put("province", "Bắc Ninh");
            household.put("commune", "Xã Kiên Lao");
            household.put("phone", phone);
            List<String> owners = call(Service.CATALOG, token).body(household).post("/producers").then()
                    .statusCode(201).extract().jsonPath().getList("owners");
            assertEquals(List.of(phone), owners);
        });
    }

    @Test
    @Order(5)
    void servicesCallEachOtherWithClientCredentialsTokens() {
        step("the demo's orders reserved their stock in catalog and its packed orders reached logistics", () -> {
            await("shipments of the packed demo orders").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        List<Object> shipments = call(Service.LOGISTICS, signIn("staff-hoa")).get("/shipments")
                                .then().statusCode(200).extract().jsonPath().getList("items");
                        assertFalse(shipments.isEmpty(), "order-service handed the packed orders over");
                    });
        });
        step("those calls carried agrilink-services' tokens: Keycloak recorded its client-credentials grants", () -> {
            JsonNode events = keycloak.adminJson("GET", KeycloakServer.REALM
                    + "/events?type=CLIENT_LOGIN&client=" + KeycloakClient.SERVICES_CLIENT, null);
            assertTrue(events.size() >= 1, "CLIENT_LOGIN events of agrilink-services: " + events);
        });
        step("a self-signed service token, as the --no-idp mode makes, is refused", () -> {
            String local = suite.keys().token("service", "order-service", Duration.ofMinutes(5));
            call(Service.CATALOG, local).get("/stock/reservations/forged").then().statusCode(401);
        });
    }

    @Test
    @Order(5)
    void aRealmImportedForAnotherPortIsPointedAtTheWebAppsAddressAgain() {
        String path = "agrilink/clients?clientId=agrilink-web";
        var client = (com.fasterxml.jackson.databind.node.ObjectNode) keycloak.adminJson("GET", path, null).get(0);
        client.put("rootUrl", "http://localhost:8085");
        client.putArray("redirectUris").add("http://localhost:8085/*");
        keycloak.adminJson("PUT", "agrilink/clients/" + client.path("id").asText(), client);

        assertTrue(keycloak.pointWebClientAt(suite.webUrl()), "an earlier run's address is replaced");
        var pointed = keycloak.adminJson("GET", path, null).get(0);
        assertEquals(suite.webUrl(), pointed.path("rootUrl").asText());
        assertEquals(suite.webUrl() + "/*", pointed.path("redirectUris").get(0).asText());
        assertEquals(1, pointed.path("redirectUris").size(), "no other redirect target left");
        assertEquals(suite.webUrl() + "/*", pointed.path("attributes").path("post.logout.redirect.uris").asText());
        assertFalse(keycloak.pointWebClientAt(suite.webUrl()), "nothing to do the second time");
    }

    @Test
    @Order(6)
    void aSignedOutSessionCannotBeRefreshedAndItsTokenEndsWithIt() throws InterruptedException {
        JsonNode cli = keycloak.adminJson("GET", KeycloakServer.REALM + "/clients?clientId=" + KeycloakClient.CLI_CLIENT,
                null).get(0);
        String clientPath = KeycloakServer.REALM + "/clients/" + cli.path("id").asText();
        Map<String, Object> shortLived = new LinkedHashMap<>();
        shortLived.put("clientId", KeycloakClient.CLI_CLIENT);
        shortLived.put("attributes", Map.of("access.token.lifespan", "12"));
        keycloak.adminJson("PUT", clientPath, shortLived);
        try {
            KeycloakClient.Token session = keycloak.password("farmer-thu", demoPassword);
            step("while the session lives its token works", () -> call(Service.TRAINING, session.accessToken())
                    .get("/sessions").then().statusCode(200));
            step("the farmer signs out: Keycloak refuses to refresh the session", () -> {
                keycloak.signOut(session);
                KeycloakClient.RefusedException refused = assertThrows(KeycloakClient.RefusedException.class,
                        () -> keycloak.refresh(session));
                assertEquals(400, refused.status(), refused.getMessage());
            });
            step("and the session's last access token is refused once it expires (401), by every service", () -> {
                // the services allow 30 s of clock skew (mp.jwt.verify.clock.skew) past exp
                long refusedAfter = KeycloakClient.claims(session.accessToken()).path("exp").asLong() + 30;
                await("the token's expiry").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> Instant.now().getEpochSecond() > refusedAfter + 1);
                for (Service service : Service.values()) {
                    call(service, session.accessToken()).get(anyRoleEndpoint(service)).then().statusCode(401);
                }
            });
        } finally {
            shortLived.put("attributes", Map.of("access.token.lifespan", "3600"));
            keycloak.adminJson("PUT", clientPath, shortLived);
        }
    }

    @Test
    @Order(7)
    void aRotatedRealmKeyIsTakenWithoutARestartAndTheRemovedKeysTokensStopWorking() {
        String before = signIn("staff-hoa");
        String oldKid = kid(before);
        JsonNode realm = keycloak.adminJson("GET", KeycloakServer.REALM, null);
        step("staff rotate the realm's signing key: a new RS256 key takes over", () -> {
            keycloak.adminJson("POST", KeycloakServer.REALM + "/components", Map.of("name", "rotated",
                    "providerId", "rsa-generated", "providerType", "org.keycloak.keys.KeyProvider",
                    "parentId", realm.path("id").asText(), "config", Map.of("priority", List.of("200"),
                            "keySize", List.of("2048"), "algorithm", List.of("RS256"))));
        });
        String after = signIn("staff-hoa");
        step("a token signed with the new key is accepted by every service without a restart", () -> {
            assertNotEquals(oldKid, kid(after), "the new sign-in is signed by the new key");
            // its unknown kid makes each service re-read the JWKS, at most once a minute (the forged tokens
            // of the tests before may just have used that minute)
            await("the new key taken").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        for (Service service : Service.values()) {
                            call(service, after).get(anyRoleEndpoint(service)).then().statusCode(200);
                        }
                    });
        });
        step("tokens of the old key still work while it is in the realm", () -> {
            for (Service service : Service.values()) {
                call(service, before).get(anyRoleEndpoint(service)).then().statusCode(200);
            }
        });
        step("the old key is removed: its tokens stop working within a JWKS refresh, the new ones go on", () -> {
            for (JsonNode component : keycloak.adminJson("GET", KeycloakServer.REALM
                    + "/components?type=org.keycloak.keys.KeyProvider", null)) {
                if ("rsa-generated".equals(component.path("providerId").asText())
                        && !"rotated".equals(component.path("name").asText())) {
                    keycloak.adminJson("DELETE", KeycloakServer.REALM + "/components/" + component.path("id").asText(),
                            null);
                }
            }
            await("the old key's tokens refused everywhere").atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                        for (Service service : Service.values()) {
                            call(service, before).get(anyRoleEndpoint(service)).then().statusCode(401);
                        }
                    });
            for (Service service : Service.values()) {
                call(service, after).get(anyRoleEndpoint(service)).then().statusCode(200);
            }
        });
        step("the services renew their own tokens too: an order reserves its stock in catalog again", () -> {
            String key = UUID.randomUUID().toString();
            String buyer = signIn("buyer-us");
            await("an order after the rotation").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> place(buyer, key).statusCode(), status -> status == 201);
        });
    }

    @Test
    @Order(8)
    void keycloakDownForAMinuteStopsSignInButNotTheSale() throws Exception {
        String buyer = signIn("buyer-au");
        String farmer = signIn("farmer-lan");
        List<Long> placed = new ArrayList<>();
        step("Keycloak stops", () -> suite.stopIdentityProvider());
        step("signing in fails with a clear message", () -> {
            KeycloakClient.UnavailableException down = assertThrows(KeycloakClient.UnavailableException.class,
                    () -> keycloak.password("buyer-jp", demoPassword));
            assertTrue(down.getMessage().contains("cannot be reached"), down.getMessage());
        });
        step("for a minute, tokens already issued keep working on every service and buyers keep ordering", () -> {
            Instant until = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(until)) {
                for (Service service : List.of(Service.CATALOG, Service.TRAINING)) {
                    call(service, farmer).get(anyRoleEndpoint(service)).then().statusCode(200);
                }
                Response order = place(buyer, UUID.randomUUID().toString());
                assertEquals(201, order.statusCode(), order.asString());
                placed.add(order.jsonPath().getLong("id"));
                Thread.sleep(10_000);
            }
        });
        step("Keycloak starts again and signing in works", () -> {
            suite.restartIdentityProvider();
            assertFalse(signIn("buyer-jp").isBlank());
        });
        step("nothing was lost: every order placed during the outage is there and confirmed", () -> {
            String staff = signIn("staff-hoa");
            for (long id : placed) {
                assertEquals("CONFIRMED", call(Service.ORDER, staff).get("/orders/" + id).then().statusCode(200)
                        .extract().jsonPath().getString("status"));
            }
            assertTrue(placed.size() >= 5, "orders placed during the outage: " + placed.size());
        });
    }

    private static String signIn(String username) {
        return keycloak.password(username, demoPassword).accessToken();
    }

    private static RequestSpecification call(Service service, String token) {
        return RestAssured.given().baseUri(suite.baseUrl(service)).contentType("application/json")
                .accept("application/json").auth().oauth2(token);
    }

    /** An endpoint of {@code service} that staff may read (and farmer-lan, but for logistics). */
    private static String anyRoleEndpoint(Service service) {
        return switch (service) {
            case CATALOG -> "/products/" + fact("product.lychee-premium") + "/audit";
            case ORDER -> "/orders";
            case TRAINING -> "/courses";
            case LOGISTICS -> "/shipments";
        };
    }

    private static Response place(String buyer, String key) {
        return call(Service.ORDER, buyer).header("Idempotency-Key", key)
                .body(E2e.codOrder(fact("lot.lychee-grade1"), 500)).post("/orders");
    }

    private static long fact(String name) {
        return Long.parseLong(String.valueOf(demo.facts.get(name)));
    }

    /** A new account as staff make one in the admin console (password Vai-thieu-2026); returns its id. */
    private static String createAccount(String username) throws IOException {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", "Người");
        user.put("lastName", "Mới");
        user.put("email", username + "@example.com");
        user.put("emailVerified", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", "Vai-thieu-2026", "temporary", false)));
        assertEquals(201, keycloak.admin("POST", KeycloakServer.REALM + "/users", user).statusCode());
        return keycloak.user(username).path("id").asText();
    }

    private static String username(String id) {
        return keycloak.adminJson("GET", KeycloakServer.REALM + "/users/" + id, null).path("username").asText();
    }

    private static String kid(String token) {
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        return header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
