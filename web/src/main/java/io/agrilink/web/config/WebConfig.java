package io.agrilink.web.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

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

    /**
     * The local sandbox's address ({@code http://localhost:8086}) where the suite runs one: the VietQR
     * page then links to its demo bank ({@code {url}/bank/?payload=…}) to "pay" without a banking app.
     * Unset (real banks), no link.
     */
    Optional<String> bankSandboxUrl();

    /**
     * The origins of the providers' payment pages, separated by spaces (VNPay's, Stripe Checkout's, the
     * local sandbox's): the Content-Security-Policy's {@code form-action} lets the "pay online" form's
     * redirect go there and nowhere else (by default VNPay's sandbox, as order-service's pay URL is).
     */
    String paymentOrigins();

    /** Whether the app's own cookies (the form token, the language) are Secure: as the session cookie is. */
    @WithName("secure-cookies")
    @WithDefault("${quarkus.oidc.authentication.cookie-force-secure:true}")
    boolean secureCookies();
}
