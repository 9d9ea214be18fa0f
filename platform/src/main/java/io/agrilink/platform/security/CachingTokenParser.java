package io.agrilink.platform.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Puts the {@link VerifiedTokenCache} in front of smallrye-jwt's parser, which verifies every
 * bearer token Quarkus receives, and refuses there, for every service, a verified token that is
 * not a login ({@link LoginTokens}). A token seen before and still valid is answered from the
 * cache; any other goes through the full verification and the login check, and is remembered
 * only if it passes both.
 */
@Decorator
@Priority(10)
public abstract class CachingTokenParser implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser parser;

    @Inject
    VerifiedTokenCache verified;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = parser.parse(token);
        LoginTokens.require(token, checked);
        verified.put(token, checked);
        return checked;
    }
}
