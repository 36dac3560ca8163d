package vn.govqms.local;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The key pair that signs tokens in the local run and the tests. Generated once into a folder;
 * the services only get the public key's location through configuration, as they would get an
 * OIDC provider's keys in production.
 */
public final class JwtKeys {

    public static final String LOCAL_ISSUER = "https://govqms.local/issuer";
    /** The audience the services accept ({@code mp.jwt.verify.audiences}): tokens issued for GovQMS, not for another system. */
    public static final String AUDIENCE = "govqms";

    private final Path publicKeyFile;
    private final PrivateKey privateKey;
    private final String issuer;

    private JwtKeys(Path publicKeyFile, PrivateKey privateKey, String issuer) {
        this.publicKeyFile = publicKeyFile;
        this.privateKey = privateKey;
        this.issuer = issuer;
    }

    /** Loads the pair from {@code dir}, generating it on first use. */
    public static JwtKeys inFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            Path pub = dir.resolve("public.pem");
            Path priv = dir.resolve("private.pem");
            if (!Files.exists(pub) || !Files.exists(priv)) {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                KeyPair pair = gen.generateKeyPair();
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(priv)
                    .replaceAll("-----[A-Z ]+-----", "").trim());
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new JwtKeys(pub.toAbsolutePath(), key, LOCAL_ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public String issuer() {
        return issuer;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** A signed token for {@code role}, scoped to an agency and/or a province. */
    public String token(String subject, String role, String agencyId, String provinceCode, Duration validity) {
        return sign(subject, List.of(role), agencyId, provinceCode, Instant.now().plus(validity), privateKey);
    }

    /** Signs with any key: lets tests present tokens from a stranger's key or already expired. */
    public String sign(String subject, List<String> roles, String agencyId, String provinceCode, Instant expiresAt,
                       PrivateKey key) {
        return sign(subject, roles, agencyId, provinceCode, expiresAt, key, issuer, AUDIENCE);
    }

    /** Signs with any key, issuer and audience (null: no {@code aud} claim): lets tests present another issuer's or system's tokens. */
    public String sign(String subject, List<String> roles, String agencyId, String provinceCode, Instant expiresAt,
                       PrivateKey key, String issuer, String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(Instant.now().getEpochSecond(), expiresAt.getEpochSecond() - 60)));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setStringListClaim("groups", roles);
        if (agencyId != null) {
            claims.setClaim("agency_id", agencyId);
        }
        if (provinceCode != null) {
            claims.setClaim("province_code", provinceCode);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private key nobody trusts: for refusal tests. */
    public static PrivateKey strangerKey() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
