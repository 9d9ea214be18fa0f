package io.agrilink.web.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "agrilink.web")
public interface WebConfig {

    /** Whether people can sign in: on when the OIDC tenant is (Keycloak configured); off, the public pages only. */
    @WithDefault("false")
    boolean signIn();

    /**
     * Keycloak's origin ({@code http://localhost:8080}) when it is not this app's: the
     * Content-Security-Policy lets forms post there too (sign-out ends the session at Keycloak).
     */
    Optional<String> identityProviderOrigin();
}
