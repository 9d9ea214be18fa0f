package io.agrilink.catalog.client;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.agrilink.catalog.client.KeycloakAdminRestClient.Credential;
import io.agrilink.catalog.client.KeycloakAdminRestClient.NewUser;
import io.agrilink.catalog.client.KeycloakAdminRestClient.Role;
import io.agrilink.catalog.client.KeycloakAdminRestClient.User;
import io.agrilink.catalog.config.CatalogConfig;
import io.agrilink.catalog.config.KeycloakAdminConfig;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Roles;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The accounts of the realm {@link KeycloakAdminConfig} names, through Keycloak's admin REST API with the
 * client credentials of {@code agrilink-accounts}. Every call has a short connect and read timeout; an
 * unconfigured, unreachable, slow or refusing Keycloak is a 503 problem (logged, never shown as a trace).
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);
    /** The realm roles AgriLink gives meaning to; Keycloak's own (default-roles-…, offline_access) are left out. */
    public static final Set<String> AGRILINK_ROLES = Set.of(Roles.STAFF, Roles.FARMER, Roles.BUYER, Roles.CARRIER,
            Roles.SERVICE);

    /** Who a new account is; the password is temporary. */
    public record NewAccount(String username, String firstName, String lastName, String email, String phone,
            String role, String temporaryPassword) {
    }

    /** An account as Keycloak keeps it. */
    public record Account(String id, String username, String firstName, String lastName, String email,
            boolean enabled, List<String> roles, Instant createdAt) {
    }

    @Inject
    KeycloakAdminConfig keycloak;

    @Inject
    CatalogConfig config;

    private volatile KeycloakAdminRestClient client;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    /**
     * Creates the user with its temporary password, then gives it {@code role}; when the role cannot be
     * given the user is deleted again, so no account is left half made.
     *
     * @return the new user's id
     * @throws ProblemException 409 naming {@code username} or {@code email} when taken, 503 when Keycloak fails
     */
    public String create(NewAccount account) {
        KeycloakAdminRestClient api = api();
        String realm = realm();
        String id;
        try (Response created = api.createUser(bearer(), realm, representation(account))) {
            String location = created.getLocation() == null ? "" : created.getLocation().getPath();
            if (created.getStatus() != 201 || location.isEmpty()) {
                throw unavailable("answered " + created.getStatus() + " to the account creation", null);
            }
            id = location.substring(location.lastIndexOf('/') + 1);
        } catch (WebApplicationException e) {
            throw refused(e, account.username());
        } catch (ProcessingException e) {
            throw unavailable("could not be reached in time", e);
        }
        try {
            List<Role> grant = api.availableRealmRoles(bearer(), realm, id).stream()
                    .filter(r -> r.name().equals(account.role())).toList();
            if (grant.isEmpty()) {
                throw new IllegalStateException("realm role " + account.role() + " cannot be given");
            }
            api.addRealmRoles(bearer(), realm, id, grant).close();
        } catch (RuntimeException e) {
            delete(id, account.username());
            throw unavailable("created the account but would not give it its role", e);
        }
        return id;
    }

    /** Deletes an account made by {@link #create} whose registration could not be finished. */
    public void delete(String id, String username) {
        try (Response deleted = api().deleteUser(bearer(), realm(), id)) {
            LOG.infof("Account %s (%s) deleted again: its registration could not be finished", username, id);
        } catch (RuntimeException e) {
            LOG.errorf("Account %s (%s) is left half registered (delete it in the admin console): %s", username, id,
                    e.getMessage());
        }
    }

    /** The account with exactly this username, if any. */
    public Optional<Account> find(String username) {
        KeycloakAdminRestClient api = api();
        String realm = realm();
        try {
            Optional<User> found = api.findUsers(bearer(), realm, username, true).stream()
                    .filter(u -> username.equals(u.username())).findFirst();
            return found.map(u -> {
                List<String> roles = api.realmRoles(bearer(), realm, u.id()).stream().map(Role::name)
                        .filter(AGRILINK_ROLES::contains).sorted().toList();
                Instant created = u.createdTimestamp() == null ? null
                        : Instant.ofEpochMilli(u.createdTimestamp()).truncatedTo(ChronoUnit.SECONDS);
                return new Account(u.id(), u.username(), u.firstName(), u.lastName(), u.email(),
                        Boolean.TRUE.equals(u.enabled()), roles, created);
            });
        } catch (WebApplicationException e) {
            throw unavailable("refused to read the account (" + e.getResponse().getStatus() + ")", e);
        } catch (ProcessingException e) {
            throw unavailable("could not be reached in time", e);
        }
    }

    private String realm() {
        return keycloak.realm().orElse("agrilink");
    }

    private KeycloakAdminRestClient api() {
        KeycloakAdminRestClient api = client;
        if (api != null) {
            return api;
        }
        Optional<String> url = keycloak.serverUrl().filter(u -> !u.isBlank());
        if (url.isEmpty() || keycloak.clientSecret().isEmpty()
                || !"client_credentials".equalsIgnoreCase(keycloak.grantType().orElse("client_credentials"))) {
            throw new ProblemException(503, "Service unavailable", "Account registration is not configured: "
                    + "catalog-service has no identity provider (quarkus.keycloak.admin-client.server-url, "
                    + "client-secret and grant-type CLIENT_CREDENTIALS are needed)");
        }
        synchronized (this) {
            if (client == null) {
                client = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url.get()))
                        .connectTimeout(config.accounts().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(config.accounts().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .build(KeycloakAdminRestClient.class);
            }
            return client;
        }
    }

    /** A client-credentials token of {@code agrilink-accounts}, kept until shortly before it expires. */
    private synchronized String bearer() {
        if (token == null || Instant.now().isAfter(tokenExpires)) {
            try {
                KeycloakAdminRestClient.Token t = api().token(realm(), "client_credentials",
                        keycloak.clientId().orElse("agrilink-accounts"), keycloak.clientSecret().orElseThrow());
                token = "Bearer " + t.accessToken();
                tokenExpires = Instant.now().plusSeconds(Math.max(0, t.expiresIn() - 30));
            } catch (WebApplicationException e) {
                throw unavailable("refused catalog-service's client credentials (" + e.getResponse().getStatus()
                        + ")", e);
            } catch (ProcessingException e) {
                throw unavailable("could not be reached in time", e);
            }
        }
        return token;
    }

    private static NewUser representation(NewAccount a) {
        Map<String, List<String>> attributes = a.phone() == null ? null : Map.of("phoneNumber", List.of(a.phone()));
        return new NewUser(a.username(), a.firstName(), a.lastName(), a.email(), true, false, attributes,
                List.of(new Credential("password", a.temporaryPassword(), true)));
    }

    /**
     * Keycloak's 409 says "User exists with same username" or "... same email", but for a request whose
     * username and email are both taken it names the email: a taken username is looked up, so a repeated
     * registration is always the 409 naming {@code username}. A 400 names a value its user profile refuses.
     */
    private ProblemException refused(WebApplicationException e, String username) {
        int status = e.getResponse().getStatus();
        String message = errorMessage(e.getResponse()).toLowerCase();
        if (status == 409) {
            String field = message.contains("email") && find(username).isEmpty() ? "email" : "username";
            return new ProblemException(409, "Conflict", field + ": an account with this " + field
                    + " already exists", List.of(new Problem.Violation(field, "is taken")));
        }
        if (status == 400) {
            String field = message.contains("email") ? "email" : message.contains("first") ? "firstName"
                    : message.contains("last") ? "lastName" : "username";
            return ProblemException.invalid(field, "is refused by the identity provider (" + message + ")");
        }
        return unavailable("refused the account creation (" + status + ")", e);
    }

    private static String errorMessage(Response response) {
        try {
            Map<?, ?> body = response.readEntity(Map.class);
            Object message = body == null ? null
                    : body.get("errorMessage") != null ? body.get("errorMessage") : body.get("error");
            return message == null ? "" : message.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static ProblemException unavailable(String what, Throwable cause) {
        LOG.warnf("Keycloak %s: %s", what, cause == null ? "" : cause.toString());
        return new ProblemException(503, "Service unavailable",
                "The identity provider " + what + "; no account was made, try again shortly");
    }
}
