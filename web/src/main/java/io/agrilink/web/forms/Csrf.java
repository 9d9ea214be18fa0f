package io.agrilink.web.forms;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.web.config.WebConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-site request forgery protection for every form, as a double-submit token: a random value
 * in an HttpOnly cookie the browser only sends from this site (SameSite=Lax), and the same value in
 * a hidden {@code csrf} field of every form the app renders. A post whose field does not match its
 * cookie was not made from one of our pages ({@link CsrfFilter} refuses it). quarkus-rest-csrf does
 * the same but is not served at the Quarkus version this build uses.
 */
@ApplicationScoped
public class Csrf {

    public static final String COOKIE = "agrilink-csrf";
    public static final String FIELD = "csrf";
    private static final String THIS_REQUEST = Csrf.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    @Inject
    RoutingContext request;

    @Inject
    WebConfig config;

    /** This browser's token: the cookie's, or a new one set as the cookie with this response. */
    public String token() {
        String token = request.get(THIS_REQUEST);
        if (token != null) {
            return token;
        }
        token = cookie(request);
        if (token == null) {
            byte[] random = new byte[BYTES];
            RANDOM.nextBytes(random);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            request.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                    .setSecure(config.secureCookies()).setSameSite(CookieSameSite.LAX));
        }
        request.put(THIS_REQUEST, token);
        return token;
    }

    /** Whether {@code posted} is this browser's token, compared in constant time. */
    boolean matches(String posted) {
        String expected = cookie(request);
        return expected != null && posted != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                posted.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(RoutingContext request) {
        Cookie cookie = request.request().getCookie(COOKIE);
        // a token we made is 43 base64url characters; anything else is treated as none
        return cookie == null || !cookie.getValue().matches("[A-Za-z0-9_-]{43}") ? null : cookie.getValue();
    }
}
