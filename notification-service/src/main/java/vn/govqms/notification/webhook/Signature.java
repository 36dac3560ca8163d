package vn.govqms.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the
 * base64-decoded part of a {@code whsec_} secret. While a rotated secret's overlap lasts, the header carries one signature per
 * secret, space-separated (the standard's form for rotation): a receiver verifies with whichever secret it has.
 */
public final class Signature {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One HMAC engine per thread: looking the algorithm up costs more than signing a delivery. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    });

    private Signature() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} value: the current secret's signature, then the previous one's (if any). */
    public static String header(String secret, String previous, String id, long timestamp, String body) {
        String current = sign(secret, id, timestamp, body);
        return previous == null ? current : current + " " + sign(previous, id, timestamp, body);
    }

    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
