package io.agrilink.catalog.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The few calls of Keycloak's admin REST API that account registration needs, with catalog-service's own
 * copies of the representations it reads and writes (only the fields used). Built by {@link KeycloakAccounts}
 * against {@code quarkus.keycloak.admin-client.server-url}.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdminRestClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Credential(String type, String value, boolean temporary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewUser(String username, String firstName, String lastName, String email, boolean enabled,
            boolean emailVerified, Map<String, List<String>> attributes, List<Credential> credentials) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String username, String firstName, String lastName, String email, Boolean enabled,
            Long createdTimestamp) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Role(String id, String name, Boolean composite, Boolean clientRole, String containerId) {
    }

    @POST
    @Path("/realms/{realm}/protocol/openid-connect/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Token token(@PathParam("realm") String realm, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret);

    @POST
    @Path("/admin/realms/{realm}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createUser(@HeaderParam("Authorization") String bearer, @PathParam("realm") String realm, NewUser user);

    @DELETE
    @Path("/admin/realms/{realm}/users/{id}")
    Response deleteUser(@HeaderParam("Authorization") String bearer, @PathParam("realm") String realm,
            @PathParam("id") String id);

    @GET
    @Path("/admin/realms/{realm}/users")
    List<User> findUsers(@HeaderParam("Authorization") String bearer, @PathParam("realm") String realm,
            @QueryParam("username") String username, @QueryParam("exact") boolean exact);

    /** The realm roles this client may give the user (manage-users may map any non-admin role). */
    @GET
    @Path("/admin/realms/{realm}/users/{id}/role-mappings/realm/available")
    List<Role> availableRealmRoles(@HeaderParam("Authorization") String bearer, @PathParam("realm") String realm,
            @PathParam("id") String id);

    @POST
    @Path("/admin/realms/{realm}/users/{id}/role-mappings/realm")
    @Consumes(MediaType.APPLICATION_JSON)
    Response addRealmRoles(@HeaderParam("Authorization") String bearer, @PathParam("realm") String realm,
            @PathParam("id") String id, List<Role> roles);

    @GET
    @Path("/admin/realms/{realm}/users/{id}/role-mappings/realm")
    List<Role> realmRoles(@HeaderParam("Authorization") String bearer, @PathParam("realm") String realm,
            @PathParam("id") String id);
}
