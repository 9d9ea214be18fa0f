package io.agrilink.platform.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/** The cache of verified tokens, on a clock the test moves. */
class VerifiedTokenCacheTest {

    private final Instant start = Instant.parse("2026-07-01T08:00:00Z");
    private final AtomicLong elapsed = new AtomicLong();

    private VerifiedTokenCache cache(long maxSize, Duration maxAge) {
        return new VerifiedTokenCache(maxSize, maxAge, elapsed::get, () -> start.plusNanos(elapsed.get()));
    }

    private void wait(Duration duration) {
        elapsed.addAndGet(duration.toNanos());
    }

    private static JsonWebToken expiringAt(Instant exp) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("buyer-an");
        claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        return new DefaultJWTCallerPrincipal(claims);
    }

    @Test
    void aTokenIsServedUntilItExpiresAndNotAfter() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        JsonWebToken token = expiringAt(start.plusSeconds(60));
        cache.put("a.b.c", token);
        assertSame(token, cache.get("a.b.c"));
        wait(Duration.ofSeconds(59));
        assertSame(token, cache.get("a.b.c"));
        wait(Duration.ofSeconds(2));
        assertNull(cache.get("a.b.c"), "served after its exp");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        cache.put("a.b.c", expiringAt(start.plus(Duration.ofHours(1))));
        wait(Duration.ofMinutes(4));
        assertNotNull(cache.get("a.b.c"));
        wait(Duration.ofMinutes(1).plusSeconds(1));
        assertNull(cache.get("a.b.c"), "kept past the maximum age");
    }

    @Test
    void anAlreadyExpiredTokenIsNotKept() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        cache.put("a.b.c", expiringAt(start.minusSeconds(1)));
        assertNull(cache.get("a.b.c"));
    }

    @Test
    void onlyTheExactTextMatches() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        cache.put("a.b.c", expiringAt(start.plusSeconds(60)));
        assertNull(cache.get("a.b.d"));
        assertNull(cache.get("a.b.c "));
    }

    @Test
    void sizeZeroTurnsTheCacheOff() {
        VerifiedTokenCache cache = cache(0, Duration.ofMinutes(5));
        cache.put("a.b.c", expiringAt(start.plusSeconds(60)));
        assertNull(cache.get("a.b.c"));
    }
}
