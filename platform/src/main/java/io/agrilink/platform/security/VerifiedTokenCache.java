package io.agrilink.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The bearer tokens this service has already verified (signature, issuer, expiry), by their exact
 * text, so that a client sending the same token again — a buyer's app during a flash sale,
 * another service with its service token — is not parsed and RSA-checked on every request. The
 * same idea as Envoy's JWT cache ({@code jwt_cache_config}).
 *
 * <ul>
 * <li>Only tokens that passed the full verification are kept; a refused token is never cached,
 * and a token differing in any character (a tampered payload, another signature) is a miss.</li>
 * <li>An entry never outlives its token's {@code exp}, nor {@code agrilink.security.verified-tokens.max-age}
 * (default 5 minutes), which bounds how long a key the identity provider withdrew from its JWKS
 * keeps being honoured for tokens already seen.</li>
 * <li>At most {@code agrilink.security.verified-tokens.max-size} tokens (default 10,000, a few kilobytes each);
 * {@code 0} turns the cache off.</li>
 * </ul>
 */
@Singleton
public class VerifiedTokenCache {

    private final Cache<String, JsonWebToken> tokens;

    @Inject
    VerifiedTokenCache(
            @ConfigProperty(name = "agrilink.security.verified-tokens.max-size", defaultValue = "10000") long maxSize,
            @ConfigProperty(name = "agrilink.security.verified-tokens.max-age", defaultValue = "5m") Duration maxAge) {
        this(maxSize, maxAge, Ticker.systemTicker(), Instant::now);
    }

    /** With a clock of one's own, for tests. */
    VerifiedTokenCache(long maxSize, Duration maxAge, Ticker ticker, Supplier<Instant> now) {
        this.tokens = maxSize <= 0 ? null
                : Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker)
                        .expireAfter(new UntilExpiry(maxAge, now)).build();
    }

    /** The verified token with exactly this text, or {@code null}. */
    public JsonWebToken get(String token) {
        return tokens == null ? null : tokens.getIfPresent(token);
    }

    /** Remembers a token that has just passed verification. */
    public void put(String token, JsonWebToken verified) {
        if (tokens != null) {
            tokens.put(token, verified);
        }
    }

    public long size() {
        if (tokens == null) {
            return 0;
        }
        tokens.cleanUp();
        return tokens.estimatedSize();
    }

    /** Kept until the token expires or for the maximum age, whichever comes first. */
    private record UntilExpiry(Duration maxAge, Supplier<Instant> now) implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            long untilExpiry = token.getExpirationTime() <= 0 ? Long.MAX_VALUE
                    : Duration.between(now.get(), Instant.ofEpochSecond(token.getExpirationTime())).toNanos();
            return Math.max(0, Math.min(untilExpiry, maxAge.toNanos()));
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return expireAfterCreate(key, token, currentTime);
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
