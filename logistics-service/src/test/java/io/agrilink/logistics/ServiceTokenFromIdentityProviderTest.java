package io.agrilink.logistics;

import static io.agrilink.logistics.Fixtures.assignedTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.agrilink.platform.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * In production a service's own token comes from the identity provider (client credentials), so
 * it verifies against the same JWKS as user tokens: an outbox delivery to order-service carries
 * the identity provider's token, not a self-signed one.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@TestProfile(ServiceTokenFromIdentityProviderTest.IdentityProvider.class)
class ServiceTokenFromIdentityProviderTest {

    public static class IdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "agrilink.service-identity", "identity-provider",
                    "quarkus.oidc-client.client-enabled", "true",
                    "quarkus.oidc-client.auth-server-url", "http://localhost:18084/test-double/idp",
                    "quarkus.oidc-client.discovery-enabled", "false",
                    "quarkus.oidc-client.token-path", "/token",
                    "quarkus.oidc-client.client-id", "logistics-service",
                    "quarkus.oidc-client.credentials.secret", "idp-test-secret",
                    "quarkus.oidc-client.early-tokens-acquisition", "false");
        }
    }

    @Test
    void outboxDeliveriesCarryTheIdentityProvidersToken() {
        long shipment = assignedTo(Fixtures.allRounder());

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !OrderServiceDouble.appliedFor(shipment).isEmpty());
        assertEquals(IdentityProviderDouble.SUBJECT, OrderServiceDouble.callerOf(shipment));
        assertTrue(IdentityProviderDouble.grants() >= 1, "the token was obtained by client credentials");
    }
}
