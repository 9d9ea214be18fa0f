package io.agrilink.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.jboss.logging.Logger;

import io.agrilink.platform.problem.ProblemException;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.jwt.build.Jwt;

/**
 * The token with role {@code service} that a service sends when it calls another on its own
 * behalf (an outbox delivery, a stock reservation). Where it comes from is configuration
 * ({@code agrilink.service-identity}):
 * <ul>
 * <li>{@code self-signed} (default; local runs, tests, the dev overlay): signed here with the key at
 * {@code smallrye.jwt.sign.key.location}, issued as {@code smallrye.jwt.new-token.issuer}, so it
 * verifies wherever that key's public half is trusted;</li>
 * <li>{@code identity-provider} (production): obtained from the identity provider with the OAuth 2.0
 * client-credentials grant through {@code quarkus-oidc-client} ({@code quarkus.oidc-client.*}),
 * so it verifies against the same JWKS as every user token. The service's client needs the
 * {@code service} role.</li>
 * </ul>
 * Either way a token is reused until shortly before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);

    private static final Duration LIFESPAN = Duration.ofMinutes(10);

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "agrilink.service-identity", defaultValue = "self-signed")
    String source;

    @Inject
    Instance<OidcClient> identityProvider;

    private volatile String token;
    private volatile Instant renewAfter = Instant.MIN;
    private volatile Tokens fromIdentityProvider;

    public String bearer() {
        return "Bearer " + ("identity-provider".equals(source) ? fromIdentityProvider() : selfSigned());
    }

    /** Drops the token in {@code authorization} if it is the one in use, so that the next call gets a new one. */
    public synchronized void forget(String authorization) {
        if (authorization == null) {
            return;
        }
        if (token != null && authorization.equals("Bearer " + token)) {
            renewAfter = Instant.MIN;
        }
        Tokens current = fromIdentityProvider;
        if (current != null && authorization.equals("Bearer " + current.getAccessToken())) {
            LOG.info("Another service refused this service's token; a new one will be asked for");
            fromIdentityProvider = null;
        }
    }

    private String selfSigned() {
        Instant now = Instant.now();
        if (now.isAfter(renewAfter)) {
            synchronized (this) {
                if (now.isAfter(renewAfter)) {
                    token = Jwt.subject(serviceName)
                            .upn(serviceName)
                            .groups(Set.of(Roles.SERVICE))
                            .expiresIn(LIFESPAN)
                            .sign();
                    renewAfter = now.plus(LIFESPAN).minusSeconds(60);
                }
            }
        }
        return token;
    }

    private String fromIdentityProvider() {
        Tokens current = fromIdentityProvider;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            synchronized (this) {
                current = fromIdentityProvider;
                if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
                    try {
                        current = identityProvider.get().getTokens().await().atMost(Duration.ofSeconds(10));
                    } catch (RuntimeException unreachable) {
                        // a 503 the caller can retry (an outbox delivery does), never a 500
                        LOG.warnf("No service token from the identity provider: %s", unreachable.getMessage());
                        throw new ProblemException(503, "Service unavailable",
                                "The identity provider cannot be reached for this service's own token; try again shortly");
                    }
                    fromIdentityProvider = current;
                }
            }
        }
        return current.getAccessToken();
    }
}
