package io.agrilink.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.agrilink.web.config.WebConfig;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is looking at the page and in which language: the {@code lang} cookie the switch sets,
 * else the best of Accept-Language among Vietnamese and English, else Vietnamese. Signed in,
 * the name is the username ({@code preferred_username}) and the role the first of the
 * programme's roles the account has.
 */
@RequestScoped
public class Visitor {

    public static final String LANGUAGE_COOKIE = "lang";
    public static final List<String> LANGUAGES = List.of("vi", "en");
    private static final List<String> ROLES = List.of("staff", "farmer", "carrier", "buyer");

    @Inject
    RoutingContext request;

    @Inject
    SecurityIdentity identity;

    @Inject
    WebConfig config;

    private Locale locale;

    @PostConstruct
    void resolve() {
        locale = Locale.forLanguageTag(language(cookie(request), request.request().getHeader("Accept-Language")));
    }

    /** The cookie's language when it is one of ours, else Accept-Language's best match, else {@code vi}. */
    static String language(String cookie, String acceptLanguage) {
        if (cookie != null && LANGUAGES.contains(cookie)) {
            return cookie;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a header no browser sends: the default language
            }
        }
        return "vi";
    }

    private static String cookie(RoutingContext request) {
        Cookie cookie = request.request().getCookie(LANGUAGE_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    /** The language the switch offers. */
    public String otherLanguage() {
        return "vi".equals(language()) ? "en" : "vi";
    }

    public boolean signInEnabled() {
        return config.signIn();
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public String role() {
        return ROLES.stream().filter(identity::hasRole).findFirst().orElse("");
    }

    /**
     * Whether the signed-in person has {@code role} (what the pages show; the services decide what
     * they may do). Not {@code is(role)}: Qute reads a method named {@code is…} as a property.
     */
    public boolean hasRole(String role) {
        return signedIn() && identity.hasRole(role);
    }

    /** This page's path and query, URL-encoded for a {@code next=} parameter. */
    public String here() {
        String uri = request.request().uri();
        return URLEncoder.encode(SafeRedirect.target(uri), StandardCharsets.UTF_8);
    }
}
