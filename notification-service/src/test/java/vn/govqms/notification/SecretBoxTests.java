package vn.govqms.notification;

import org.junit.jupiter.api.Test;
import vn.govqms.notification.webhook.SecretBox;
import vn.govqms.notification.webhook.Signature;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets at rest: AES-256-GCM, bound to their subscription, keys rotated by id. */
class SecretBoxTests {

    static final String A = "2026-06:" + Base64.getEncoder().encodeToString("khoa-thu-nghiem-A-32-byte-dai!!!".getBytes());
    static final String B = "2026-12:" + Base64.getEncoder().encodeToString("khoa-thu-nghiem-B-32-byte-dai!!!".getBytes());

    static SecretBox box(String... keys) {
        return new SecretBox(TargetCheckTests.config(List.of("443"), List.of(), List.of(keys)));
    }

    @Test
    void sealedSecretsOpenOnlyForTheirSubscriptionAndKey() {
        SecretBox box = box(A);
        UUID id = UUID.randomUUID();
        String secret = Signature.newSecret();
        String sealed = box.seal(id, secret);
        assertFalse(sealed.contains(secret.substring(6)));
        assertNotEquals(sealed, box.seal(id, secret)); // a fresh nonce each time
        assertEquals(secret, box.open(id, "2026-06", sealed));
        assertThrows(IllegalStateException.class, () -> box.open(UUID.randomUUID(), "2026-06", sealed));
        assertThrows(IllegalStateException.class, () -> box.open(id, "2025-01", sealed));
        // a row stored before encryption (no key id) is read as it is
        assertEquals(secret, box.open(id, null, secret));
    }

    @Test
    void aNewKeySealsAndTheOldOneStillOpens() {
        UUID id = UUID.randomUUID();
        String sealedWithA = box(A).seal(id, "whsec_c2VjcmV0");
        SecretBox rotated = box(B, A);
        assertEquals("2026-12", rotated.currentKeyId());
        assertTrue(rotated.stale("2026-06"));
        assertTrue(rotated.stale(null));
        assertFalse(rotated.stale("2026-12"));
        assertEquals("whsec_c2VjcmV0", rotated.open(id, "2026-06", sealedWithA));
        assertThrows(IllegalStateException.class, () -> box(B).open(id, "2026-06", sealedWithA));
    }

    @Test
    void noOrBadKeyStopsTheService() {
        assertThrows(IllegalStateException.class, SecretBoxTests::box);
        assertThrows(IllegalStateException.class, () -> box("k1:c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> box("k1 no colon"));
        assertThrows(IllegalStateException.class, () -> box(A, A));
    }
}
