package io.agrilink.suite;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the launcher, {@code ./agrilink token} and the tests ask of Keycloak, over its two public
 * APIs: tokens from the realm's token endpoint (a password sign-in through the {@code agrilink-cli}
 * client, client credentials for {@code agrilink-services}) and a few calls of the admin REST API
 * as the master realm's administrator. Plain HTTP and JSON: the launcher is not a Quarkus
 * application, and these are a handful of documented endpoints.
 */
public final class KeycloakClient implements TokenSource {

    /** The public client of the command line and the demo loader (direct grant; local and dev only). */
    public static final String CLI_CLIENT = "agrilink-cli";

    /** The confidential client whose service account carries the role {@code service}. */
    public static final String SERVICES_CLIENT = "agrilink-services";

    /** The role of the services' own tokens, which come by client credentials, not a sign-in. */
    private static final String SERVICE_ROLE = "service";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String url;
    private final String realm;
    private final IdentitySecrets secrets;
    private final Function<String, String> passwords;
    private final Map<String, Token> signedIn = new ConcurrentHashMap<>();

    /**
     * @param url       Keycloak's base URL
     * @param passwords a user's password by username (the demo users share the demo password)
     */
    public KeycloakClient(String url, String realm, IdentitySecrets secrets, Function<String, String> passwords) {
        this.url = url.replaceAll("/+$", "");
        this.realm = realm;
        this.secrets = secrets;
        this.passwords = passwords;
    }

    /** Keycloak can no longer be reached, or answered with a server error. */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Keycloak refused a sign-in or an admin call (wrong password, missing role, unknown user). */
    public static final class RefusedException extends RuntimeException {
        private final int status;

        RefusedException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A signed access token for {@code username}, who must hold {@code role}; reused until shortly before it expires. */
    @Override
    public String token(String role, String username) {
        if (SERVICE_ROLE.equals(role)) {
            return cached("client:" + SERVICES_CLIENT, () -> clientCredentials(SERVICES_CLIENT,
                    secrets.servicesClientSecret()));
        }
        String token = cached("user:" + username, () -> password(username, passwords.apply(username)).accessToken());
        if (!rolesOf(token).contains(role)) {
            throw new RefusedException(403, username + " does not have the role " + role + " in Keycloak (roles: "
                    + rolesOf(token) + "). Grant it in the admin console, or name another user.");
        }
        return token;
    }

    /** The realm's answer to a password sign-in (direct grant) of {@code username} through {@link #CLI_CLIENT}. */
    public Token password(String username, String password) {
        return grant(Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password",
                password == null ? "" : password));
    }

    /** A refresh of an earlier sign-in. */
    public Token refresh(Token earlier) {
        return grant(Map.of("grant_type", "refresh_token", "client_id", CLI_CLIENT, "refresh_token",
                earlier.refreshToken()));
    }

    /** Ends the session an earlier sign-in opened (what "sign out" does). */
    public void signOut(Token session) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("client_id", CLI_CLIENT, "refresh_token", session.refreshToken()))));
        if (answer.statusCode() / 100 != 2) {
            throw new RefusedException(answer.statusCode(), "Keycloak did not end the session: " + answer.body());
        }
    }

    /** An access token of {@code clientId}'s service account (the client-credentials grant). */
    public String clientCredentials(String clientId, String secret) {
        return grant(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .accessToken();
    }

    /** Sends a call of the admin REST API ({@code path} below {@code /admin/realms/}) as the master realm's administrator. */
    public HttpResponse<String> admin(String method, String path, Object body) {
        String token = cached("admin", () -> {
            Token admin = grant("master", Map.of("grant_type", "password", "client_id", "admin-cli", "username",
                    IdentitySecrets.ADMIN_USERNAME, "password", secrets.adminPassword()));
            return admin.accessToken();
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write the admin call's body", e);
        }
        return send(request);
    }

    /** The JSON answer of an admin call that must succeed. */
    public JsonNode adminJson(String method, String path, Object body) {
        HttpResponse<String> answer = admin(method, path, body);
        if (answer.statusCode() / 100 != 2) {
            throw new RefusedException(answer.statusCode(), method + " /admin/realms/" + path + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        try {
            return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UnavailableException("Keycloak's answer is not JSON: " + answer.body(), e);
        }
    }

    /** The user named {@code username} in the realm, or null. */
    public JsonNode user(String username) {
        JsonNode found = adminJson("GET", realm + "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Creates an enabled user with one realm role and a (non-temporary) password; returns its id. */
    public String createUser(String username, String role, String password) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        // the realm's user profile asks for these at sign-in; without them a direct grant is refused
        user.put("firstName", username);
        user.put("lastName", "AgriLink");
        user.put("email", username + "@users.agrilink.local");
        user.put("emailVerified", true);
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        HttpResponse<String> created = admin("POST", realm + "/users", user);
        if (created.statusCode() != 201) {
            throw new RefusedException(created.statusCode(), "Keycloak did not create " + username + ": "
                    + created.body());
        }
        String id = user(username).path("id").asText();
        JsonNode realmRole = adminJson("GET", realm + "/roles/" + role, null);
        adminJson("POST", realm + "/users/" + id + "/role-mappings/realm", List.of(realmRole));
        return id;
    }

    /**
     * Points the web app's client at {@code webUrl} (its redirect and sign-out targets, its origin)
     * when the realm, imported once with the first run's address, names another: a run with a new
     * {@code --port-offset} on the same data. Returns whether it changed anything.
     */
    public boolean pointWebClientAt(String webUrl) {
        JsonNode found = adminJson("GET", realm + "/clients?clientId=agrilink-web", null);
        if (found.isEmpty() || webUrl.equals(found.get(0).path("rootUrl").asText())) {
            return false;
        }
        com.fasterxml.jackson.databind.node.ObjectNode client = (com.fasterxml.jackson.databind.node.ObjectNode) found
                .get(0);
        client.put("rootUrl", webUrl);
        client.putArray("redirectUris").add(webUrl + "/*");
        client.putArray("webOrigins").add(webUrl);
        client.withObject("attributes").put("post.logout.redirect.uris", webUrl + "/*");
        adminJson("PUT", realm + "/clients/" + client.path("id").asText(), client);
        return true;
    }

    public String realmUrl() {
        return url + "/realms/" + realm;
    }

    /** The realm roles a token carries ({@code realm_access.roles}), read without verifying it. */
    public static Set<String> rolesOf(String accessToken) {
        JsonNode roles = claims(accessToken).path("realm_access").path("roles");
        Set<String> names = new TreeSet<>();
        roles.forEach(role -> names.add(role.asText()));
        return names;
    }

    /** A token's claims, read without verifying it (for tests and messages, never for a decision). */
    public static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a JWT", e);
        }
    }

    /** What the token endpoint answered. */
    public record Token(String accessToken, String refreshToken, Instant expiresAt) {
    }

    private Token grant(Map<String, String> form) {
        return grant(realm, form);
    }

    private Token grant(String inRealm, Map<String, String> form) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                URI.create(url + "/realms/" + inRealm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(form)));
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UnavailableException("Keycloak's token endpoint did not answer JSON: " + answer.body(), e);
        }
        if (answer.statusCode() != 200) {
            String who = form.getOrDefault("username", form.getOrDefault("client_id", "?"));
            throw new RefusedException(answer.statusCode(), "Keycloak refused the sign-in of " + who + ": "
                    + body.path("error_description").asText(body.path("error").asText(answer.body())));
        }
        return new Token(body.path("access_token").asText(), body.path("refresh_token").asText(null),
                Instant.now().plusSeconds(body.path("expires_in").asLong(60)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 500) {
                throw new UnavailableException("Keycloak at " + url + " answered " + answer.statusCode() + ": "
                        + answer.body(), null);
            }
            return answer;
        } catch (IOException e) {
            throw new UnavailableException("Keycloak at " + url + " cannot be reached (" + e.getClass().getSimpleName()
                    + "): is it running? ./agrilink up starts it.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted while calling Keycloak", e);
        }
    }

    private String cached(String key, Supplier<String> fetch) {
        Token known = signedIn.get(key);
        if (known != null && Instant.now().isBefore(known.expiresAt().minusSeconds(30))) {
            return known.accessToken();
        }
        String token = fetch.get();
        long exp = claims(token).path("exp").asLong(0);
        signedIn.put(key, new Token(token, null, Instant.ofEpochSecond(exp)));
        return token;
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

}
