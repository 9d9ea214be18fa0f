package io.agrilink.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints the short-lived token with role {@code service} that a service sends when it calls
 * another on its own behalf (an outbox delivery, a stock reservation). Signed with the key at
 * {@code smallrye.jwt.sign.key.location}; issued as {@code smallrye.jwt.new-token.issuer}.
 * A token is reused until a minute before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration LIFESPAN = Duration.ofMinutes(10);

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private volatile String token;
    private volatile Instant renewAfter = Instant.MIN;

    public String bearer() {
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
        return "Bearer " + token;
    }
}
