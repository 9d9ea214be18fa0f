package io.agrilink.logistics;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.agrilink.platform.security.Roles;
import io.agrilink.platform.testing.Tokens;

/**
 * Test-only stand-in for an identity provider's token endpoint (Keycloak's
 * {@code /protocol/openid-connect/token}): the OAuth 2.0 client-credentials grant for the client
 * {@code logistics-service}, answering a token with role {@code service} for subject
 * {@value #SUBJECT}.
 */
@Path("/test-double/idp/token")
public class IdentityProviderDouble {

    static final String SUBJECT = "logistics-service-client";
    private static final AtomicInteger GRANTS = new AtomicInteger();

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String secret, @HeaderParam("Authorization") String authorization) {
        if (authorization != null && authorization.startsWith("Basic ")) {
            // client_secret_basic, the default way quarkus-oidc-client sends the client's credentials
            String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            clientId = pair[0];
            secret = pair.length > 1 ? pair[1] : null;
        }
        if (!"client_credentials".equals(grantType) || !"logistics-service".equals(clientId)
                || !"idp-test-secret".equals(secret)) {
            return Response.status(401).entity("{\"error\":\"invalid_client\"}").build();
        }
        GRANTS.incrementAndGet();
        return Response.ok("{\"access_token\":\"" + Tokens.of(Roles.SERVICE, SUBJECT)
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").build();
    }

    static int grants() {
        return GRANTS.get();
    }
}
