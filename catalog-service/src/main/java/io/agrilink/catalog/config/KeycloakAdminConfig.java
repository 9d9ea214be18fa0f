package io.agrilink.catalog.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The identity provider staff register accounts in, under the names of {@code quarkus-keycloak-admin-rest-client}'s
 * own configuration (the deployment contract uses them): that extension is not served at the platform's Quarkus
 * version here, so catalog-service reads the same keys itself. Only the client-credentials grant is used.
 * No key has a declared default: Quarkus would warn about each as a key of an absent extension at every start.
 */
@ConfigMapping(prefix = "quarkus.keycloak.admin-client")
public interface KeycloakAdminConfig {

    /** Keycloak's base URL, e.g. {@code http://keycloak:8080}; without it account registration answers 503. */
    Optional<String> serverUrl();

    /** The realm accounts are made in; {@code agrilink} when unset. */
    Optional<String> realm();

    /** The confidential client whose service account may manage users; {@code agrilink-accounts} when unset. */
    Optional<String> clientId();

    /** That client's secret. */
    Optional<String> clientSecret();

    /** {@code CLIENT_CREDENTIALS} (the only grant used) when unset; any other is "not configured". */
    Optional<String> grantType();
}
