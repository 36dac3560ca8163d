package vn.govqms.notification.webhook;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook secrets at rest: AES-256-GCM with a key from configuration ({@code govqms.webhooks.secret-keys}), a fresh 96-bit
 * nonce per seal and the subscription's id as associated data (a sealed secret copied to another row does not open there).
 * Each row names the key that sealed it, so keys can be rotated: the first configured key seals, every configured key opens,
 * and {@link SecretKeeping} seals again at start what an older key (or none, before encryption) sealed. Built at start, so
 * that a service without a valid key does not start.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> AES = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String current;

    public SecretBox(WebhookConfig config) {
        List<String> entries = config.secretKeys().orElse(List.of());
        for (String entry : entries) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9._-]{1,40}")) {
                throw new IllegalStateException("govqms.webhooks.secret-keys: each entry is id:base64-of-32-bytes (id of letters, digits, . _ -)");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("govqms.webhooks.secret-keys: the key of " + parts[0] + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException("govqms.webhooks.secret-keys: the key of " + parts[0] + " has " + key.length
                        + " bytes; AES-256 needs 32 (openssl rand -base64 32)");
            }
            if (keys.put(parts[0], new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException("govqms.webhooks.secret-keys: key id " + parts[0] + " given twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("govqms.webhooks.secret-keys (GOVQMS_WEBHOOKS_SECRET_KEYS) is not set: webhook secrets are "
                    + "encrypted at rest with it; give id:base64-of-32-bytes (see notification-service/README.md, Configuration)");
        }
        current = keys.keySet().iterator().next();
    }

    /** The id of the key that seals now. */
    public String currentKeyId() {
        return current;
    }

    /** True when a row sealed with {@code keyId} (null: not sealed) should be sealed again with the current key. */
    public boolean stale(String keyId) {
        return !current.equals(keyId);
    }

    /** base64(nonce ‖ ciphertext ‖ tag) of {@code secret}, with the current key. */
    public String seal(UUID subscription, String secret) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher aes = AES.get();
            aes.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, nonce));
            aes.updateAAD(subscription.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = aes.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /**
     * The secret a row holds: opened with the key it names; a row without key id holds it in plain text (stored before
     * secrets were encrypted, until the start that seals it).
     */
    public String open(UUID subscription, String keyId, String stored) {
        if (stored == null || keyId == null) {
            return stored;
        }
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("the secret of webhook " + subscription + " is sealed with key " + keyId
                    + ", which is not in govqms.webhooks.secret-keys");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher aes = AES.get();
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            aes.updateAAD(subscription.toString().getBytes(StandardCharsets.UTF_8));
            return new String(aes.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the secret of webhook " + subscription + " does not open with key " + keyId, e);
        }
    }
}
