package vn.govqms.local.testing;

import vn.govqms.local.JwtKeys;
import vn.govqms.local.RealParts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Tokens for tests, signed with the key the services under test trust. */
public final class TestTokens {

    private TestTokens() {
    }

    private static JwtKeys keys() {
        String dir = System.getProperty(RealParts.JWT_DIR_PROPERTY);
        if (dir == null) {
            throw new IllegalStateException("the real parts are not started (RealPartsTestResource)");
        }
        return JwtKeys.inFolder(Path.of(dir));
    }

    /** Bộ Khoa học và Công nghệ: every province and ministry, the national registers. */
    public static String nationalAdmin() {
        return keys().token("national-admin", "national-admin", null, null, Duration.ofHours(1));
    }

    /** A ministry's steering committee over the subtree of its root agency. */
    public static String ministryAdmin(String rootAgencyId) {
        return keys().token("ministry-admin-" + rootAgencyId, "ministry-admin", rootAgencyId, null, Duration.ofHours(1));
    }

    /** Any role with exactly the claims given (null: no such claim), for the refusals. */
    public static String withClaims(String role, String agencyId, String provinceCode) {
        return keys().token(role + "-claims", role, agencyId, provinceCode, Duration.ofHours(1));
    }

    public static String provinceAdmin(String provinceCode) {
        return keys().token("admin-" + provinceCode, "province-admin", null, provinceCode, Duration.ofHours(1));
    }

    /** An agency role (agency-head, iso-officer, auditor, viewer) bound to one agency of a province. */
    public static String agencyRole(String role, String agencyId, String provinceCode) {
        return keys().token(role + "-" + agencyId, role, agencyId, provinceCode, Duration.ofHours(1));
    }

    /** A named person's token: {@code subject} as their identity provider gives it, an agency role in one agency. */
    public static String person(String subject, String role, String agencyId, String provinceCode) {
        return keys().token(subject, role, agencyId, provinceCode, Duration.ofHours(1));
    }

    public static String integration(String provinceCode) {
        return keys().token("integration-" + provinceCode, "integration", null, provinceCode, Duration.ofHours(1));
    }

    public static String expired(String role, String provinceCode) {
        JwtKeys k = keys();
        return k.sign("late", List.of(role), null, provinceCode, Instant.now().minusSeconds(600), k.privateKey());
    }

    /** Signed with the trusted key but by another issuer: refused (401). */
    public static String fromAnotherIssuer(String role, String provinceCode) {
        JwtKeys k = keys();
        return k.sign("elsewhere", List.of(role), null, provinceCode, Instant.now().plusSeconds(600), k.privateKey(),
                "https://sso.example.gov.vn/realms/other", JwtKeys.AUDIENCE);
    }

    /** Signed with the trusted key by the trusted issuer, but for another system (audience): refused (401). */
    public static String forAnotherAudience(String role, String provinceCode) {
        JwtKeys k = keys();
        return k.sign("other-system", List.of(role), null, provinceCode, Instant.now().plusSeconds(600), k.privateKey(), k.issuer(),
                "dvc-portal");
    }

    public static String signedByStranger(String role, String provinceCode) {
        return keys().sign("stranger", List.of(role), null, provinceCode, Instant.now().plusSeconds(600),
                JwtKeys.strangerKey());
    }
}
