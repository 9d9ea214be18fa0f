package io.agrilink.platform.security;

import java.util.Locale;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * What a verified JWS must also be before any service takes it as a login: smallrye-jwt checks
 * signature, issuer, expiry and (where {@code mp.jwt.verify.audiences} is set) audience, but a
 * token signed by a trusted key is not necessarily an access token. A certificate's signature, an
 * ID token, or a token minted without roles all verify; none of them is someone signing in.
 *
 * <ul>
 * <li>a subject ({@code sub}) and an expiry ({@code exp}): ownership checks use the subject, and
 * a login never lasts for ever;</li>
 * <li>at least one role, in the groups claim or in the claim named by {@code smallrye.jwt.path.groups}
 * (smallrye-jwt maps either into {@link JsonWebToken#getGroups()}): an authenticated caller
 * without a role would pass every "any authenticated user" check;</li>
 * <li>a {@code typ} header, if present, of an access token ({@code JWT}, {@code at+jwt},
 * RFC 9068), and a {@code typ} claim, if present, of {@code Bearer} (Keycloak marks its ID and
 * refresh tokens {@code ID} and {@code Refresh}). Anything else, e.g. training-service's
 * {@code agrilink-certificate+jwt}, is a document, not a login.</li>
 * </ul>
 */
final class LoginTokens {

    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");

    private LoginTokens() {
    }

    /** Fails, naming the reason, unless {@code verified} (parsed from {@code token}) is a login. */
    static void require(String token, JsonWebToken verified) throws ParseException {
        if (verified.getSubject() == null || verified.getSubject().isBlank()) {
            throw new ParseException("The token names no subject (sub)");
        }
        if (verified.getExpirationTime() <= 0) {
            throw new ParseException("The token has no expiry (exp)");
        }
        if (verified.getGroups() == null || verified.getGroups().isEmpty()) {
            throw new ParseException("The token carries no role");
        }
        String headerType = headerType(token);
        if (headerType != null && !ACCESS_TOKEN_TYPES.contains(headerType.toLowerCase(Locale.ROOT))) {
            throw new ParseException("A token of type " + headerType + " is not a login");
        }
        Object claimType = verified.getClaim("typ");
        if (claimType != null && !"bearer".equalsIgnoreCase(claimType.toString())) {
            throw new ParseException("A token of type " + claimType + " is not a login");
        }
    }

    private static String headerType(String token) throws ParseException {
        try {
            return JsonWebStructure.fromCompactSerialization(token).getHeader("typ");
        } catch (JoseException e) {
            throw new ParseException("The token's header cannot be read", e);
        }
    }
}
