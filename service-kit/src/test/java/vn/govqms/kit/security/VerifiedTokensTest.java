package vn.govqms.kit.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerifiedTokensTest {

    /** Verifies "good-…" tokens (expiring as the text says: "good-past" already has), refuses every other. */
    static final class Verifier implements JWTParser {
        final List<String> verified = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (!token.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            long now = System.currentTimeMillis() / 1000;
            return new Token(token, token.equals("good-past") ? now - 10 : now + 600);
        }

        @Override public JsonWebToken parse(String t, JWTAuthContextInfo c) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken verify(String t, PublicKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken verify(String t, SecretKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken verify(String t, String s) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken decrypt(String t, PrivateKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken decrypt(String t, SecretKey k) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken decrypt(String t, String s) { throw new UnsupportedOperationException(); }
        @Override public JsonWebToken parseOnly(String t) { throw new UnsupportedOperationException(); }
    }

    record Token(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return (T) Map.of("exp", (Object) exp).get(claim);
        }
    }

    static VerifiedTokens tokens(Verifier verifier, int maxEntries, Duration ttl) {
        return new VerifiedTokens(verifier, new VerifiedTokens.Config() {
            @Override
            public int maxEntries() {
                return maxEntries;
            }

            @Override
            public Duration ttl() {
                return ttl;
            }
        });
    }

    @Test
    void aTokenIsVerifiedOnceAndAnyOtherTextAgain() throws Exception {
        Verifier verifier = new Verifier();
        VerifiedTokens tokens = tokens(verifier, 100, Duration.ofMinutes(1));
        JsonWebToken first = tokens.parse("good-a");
        assertSame(first, tokens.parse("good-a"));
        tokens.parse("good-b");
        assertEquals(List.of("good-a", "good-b"), verifier.verified);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        Verifier verifier = new Verifier();
        VerifiedTokens tokens = tokens(verifier, 100, Duration.ofMinutes(1));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(List.of("forged", "forged"), verifier.verified);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainEachTime() throws Exception {
        Verifier verifier = new Verifier();
        VerifiedTokens tokens = tokens(verifier, 100, Duration.ofMinutes(1));
        tokens.parse("good-past");
        tokens.parse("good-past");
        assertEquals(List.of("good-past", "good-past"), verifier.verified);
    }

    @Test
    void nothingIsRememberedPastTheTtlOrWithABoundOfZero() throws Exception {
        Verifier verifier = new Verifier();
        VerifiedTokens none = tokens(verifier, 0, Duration.ofMinutes(1));
        none.parse("good-a");
        none.parse("good-a");
        VerifiedTokens brief = tokens(verifier, 100, Duration.ofNanos(1));
        brief.parse("good-b");
        Thread.onSpinWait();
        brief.parse("good-b");
        assertEquals(List.of("good-a", "good-a", "good-b", "good-b"), verifier.verified);
    }
}
