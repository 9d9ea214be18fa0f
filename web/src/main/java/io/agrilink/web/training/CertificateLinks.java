package io.agrilink.web.training;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.ext.web.RoutingContext;

/**
 * A certificate's public verification link: this web app's page {@code /certificates/<code>},
 * absolute (it is printed and scanned), at the address the person reached the app by
 * ({@code quarkus.http.proxy.*} decides whether a proxy's forwarded host counts).
 */
@ApplicationScoped
public class CertificateLinks {

    /** training-service's codes: 10 characters of an alphabet without 0, O, 1, I, L; a little slack kept. */
    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{6,16}");

    @Inject
    RoutingContext request;

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public String link(String code) {
        var http = request.request();
        return http.scheme() + "://" + http.authority() + "/certificates/" + code;
    }
}
