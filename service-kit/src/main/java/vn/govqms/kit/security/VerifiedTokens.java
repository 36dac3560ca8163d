package vn.govqms.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;

/**
 * The bearer tokens this instance has verified, so that a caller's next requests with the same token cost no signature
 * check and no JSON parsing: at 4,000-7,000 requests a second, verifying every request's token made 60 % of a
 * service's allocations (JFR, 5 Dec) and with them most of its GC pauses. Keyed by the token's exact text, so any
 * other text is verified; kept at most {@link Config#ttl()} after verifying and never past the token's own expiry (then
 * smallrye-jwt verifies it again, with its clock skew rule). A key removed from the identity provider's JWKS stops
 * verifying new tokens at once, and the tokens already verified with it within the {@code ttl}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** {@code govqms.security.verified-tokens.*}. */
    @ConfigMapping(prefix = "govqms.security.verified-tokens")
    public interface Config {

        /** Tokens remembered at once (0: verify every request's token); beyond it the least used go first. */
        @WithDefault("10000")
        int maxEntries();

        /** How long a verified token is taken as verified (never past its {@code exp}). */
        @WithDefault("60S")
        Duration ttl();
    }

    private final JWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, Config config) {
        this((JWTParser) verifier, config);
    }

    VerifiedTokens(JWTParser verifier, Config config) {
        this.verifier = verifier;
        // evictions on the calling thread: a bound of 0 then remembers nothing at all
        this.verified = Caffeine.newBuilder().maximumSize(config.maxEntries()).expireAfterWrite(config.ttl())
                .executor(Runnable::run).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && !expired(known)) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        verified.put(token, fresh);
        return fresh;
    }

    private static boolean expired(JsonWebToken token) {
        // seconds since the epoch, on the system clock as smallrye-jwt's own check (not the kit's replaceable Clock)
        return token.getExpirationTime() * 1000 <= System.currentTimeMillis();
    }

    // the rest verifies with other settings or keys than the service's: never remembered

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
