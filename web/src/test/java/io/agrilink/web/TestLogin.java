package io.agrilink.web;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Stands in for Keycloak's sign-in in the web tests: a request with {@code X-Test-User: name role}
 * is that user, as the OIDC session would make it, with the access token {@code token-of-name}; without it a page that needs sign-in answers
 * 401 (quarkus-oidc would send the browser to Keycloak instead).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestLogin implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String user = context.request().getHeader("X-Test-User");
        if (user == null) {
            return Uni.createFrom().nullItem();
        }
        String[] parts = user.split(" ");
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(parts[0]))
                .addRoles(Set.of(parts[1])).addCredential(new AccessTokenCredential("token-of-" + parts[0])).build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }
}
