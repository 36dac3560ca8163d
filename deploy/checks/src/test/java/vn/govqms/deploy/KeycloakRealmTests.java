package vn.govqms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keycloak realm Compose imports ({@code deploy/compose/keycloak/govqms-realm.json}) cannot be started here:
 * this reads it and checks what the services' scope decisions rely on. Only administrators set a user's
 * {@code agency_id} and {@code province_code}; every role exists with an example user carrying the claims it
 * needs; tokens carry {@code groups}, {@code agency_id} and {@code province_code}; no client takes passwords
 * directly; repeated failed logins lock the account for a while; the example users' passwords are placeholders
 * to be changed at first login.
 */
class KeycloakRealmTests {

    static final JsonNode REALM = read("deploy/compose/keycloak/govqms-realm.json");

    /** Each role and the claims its users carry: the scope decisions read them (the kit's Scope). */
    static final Map<String, Set<String>> CLAIMS_OF_ROLE = Map.of(
            "national-admin", Set.of(),
            "ministry-admin", Set.of("agency_id"),
            "province-admin", Set.of("province_code"),
            "agency-head", Set.of("agency_id", "province_code"),
            "iso-officer", Set.of("agency_id", "province_code"),
            "auditor", Set.of("agency_id", "province_code"),
            "viewer", Set.of("agency_id", "province_code"),
            "integration", Set.of("province_code"));

    private static final Set<String> SCOPE_ATTRIBUTES = Set.of("agency_id", "province_code");

    private static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(Repo.file(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The declarative user profile, stored as a JSON string in the component's config. */
    private static JsonNode userProfile() {
        JsonNode providers = REALM.at("/components/org.keycloak.userprofile.UserProfileProvider");
        assertEquals(1, providers.size(), "one user profile provider");
        try {
            return new ObjectMapper().readTree(providers.get(0).at("/config/kc.user.profile.config/0").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRolesOfTheAuthorityModelExistEachWithAnExampleUserCarryingItsClaims() {
        Set<String> roles = list(REALM.at("/roles/realm")).stream().map(r -> r.get("name").asText()).collect(Collectors.toSet());
        assertEquals(CLAIMS_OF_ROLE.keySet(), roles);
        Map<String, Integer> usersOfRole = new TreeMap<>();
        for (JsonNode u : REALM.get("users")) {
            List<JsonNode> userRoles = list(u.get("realmRoles"));
            assertEquals(1, userRoles.size(), u.get("username") + " has one role");
            String role = userRoles.get(0).asText();
            usersOfRole.merge(role, 1, Integer::sum);
            Set<String> claims = new TreeSet<>();
            u.path("attributes").fieldNames().forEachRemaining(claims::add);
            claims.retainAll(SCOPE_ATTRIBUTES);
            assertEquals(CLAIMS_OF_ROLE.get(role), claims, u.get("username") + " (" + role + ")");
            JsonNode province = u.at("/attributes/province_code/0");
            if (!province.isMissingNode()) {
                assertTrue(province.asText().matches("\\d{2}"), u.get("username") + " province " + province);
                assertNotEquals("00", province.asText(), u.get("username") + ": 00 names no province");
            }
        }
        assertEquals(CLAIMS_OF_ROLE.keySet(), usersOfRole.keySet(), "a user per role");
        assertTrue(usersOfRole.values().stream().allMatch(n -> n == 1), "one example user per role: " + usersOfRole);
    }

    @Test
    void onlyAdministratorsSetTheAttributesScopeIsDecidedFrom() {
        JsonNode profile = userProfile();
        String unmanaged = profile.path("unmanagedAttributePolicy").asText("");
        // absent: no unmanaged attributes at all; ADMIN_EDIT / ADMIN_VIEW: only administrators see them (ENABLED lets users edit them)
        assertTrue(Set.of("", "ADMIN_EDIT", "ADMIN_VIEW").contains(unmanaged), "unmanagedAttributePolicy " + unmanaged);
        Map<String, JsonNode> declared = new TreeMap<>();
        profile.get("attributes").forEach(a -> declared.put(a.get("name").asText(), a));
        for (String name : SCOPE_ATTRIBUTES) {
            JsonNode a = declared.get(name);
            assertNotNull(a, name + " is declared in the user profile");
            assertEquals(List.of("admin"), list(a.at("/permissions/edit")).stream().map(JsonNode::asText).toList(),
                    name + " is edited by administrators only");
            assertFalse(a.path("multivalued").asBoolean(), name + " has one value");
            assertFalse(a.at("/validations/pattern/pattern").asText().isEmpty(), name + " is validated");
        }
        for (JsonNode u : REALM.get("users")) {
            u.path("attributes").fieldNames().forEachRemaining(n ->
                    assertTrue(declared.containsKey(n), u.get("username") + " has the undeclared attribute " + n));
        }
    }

    @Test
    void tokensCarryTheRolesAndTheScopeClaimsAndNoClientTakesPasswords() {
        for (JsonNode client : REALM.get("clients")) {
            String id = client.get("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), id + ": no password grant");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(false), id + ": no implicit flow");
            Set<String> claims = new TreeSet<>();
            for (JsonNode m : client.get("protocolMappers")) {
                if (m.at("/config/access.token.claim").asText().equals("true")) {
                    claims.add(m.at("/config/claim.name").asText());
                }
            }
            assertTrue(claims.containsAll(Set.of("groups", "agency_id", "province_code")), id + " access-token claims " + claims);
            // the services accept only tokens issued for GovQMS (mp.jwt.verify.audiences=govqms)
            assertTrue(list(client.get("protocolMappers")).stream().anyMatch(m -> m.get("protocolMapper").asText().equals("oidc-audience-mapper")
                    && m.at("/config/included.custom.audience").asText().equals("govqms")
                    && m.at("/config/access.token.claim").asText().equals("true")), id + ": access tokens name the audience govqms");
            if (client.path("publicClient").asBoolean()) {
                assertEquals("S256", client.at("/attributes/pkce.code.challenge.method").asText(), id + ": a public client uses PKCE");
            } else {
                assertTrue(client.path("serviceAccountsEnabled").asBoolean(), id + ": a confidential client is a system's account");
            }
        }
    }

    @Test
    void repeatedFailedLoginsLockTheAccountAndExamplePasswordsAreChangedAtFirstLogin() {
        assertTrue(REALM.path("bruteForceProtected").asBoolean(), "brute-force protection");
        int failures = REALM.path("failureFactor").asInt();
        assertTrue(failures >= 3 && failures <= 10, "locked after 3-10 failures, not " + failures);
        assertTrue(REALM.path("waitIncrementSeconds").asInt() >= 30, "a lockout lasts at least 30 s");
        assertTrue(REALM.path("maxFailureWaitSeconds").asInt() >= REALM.path("waitIncrementSeconds").asInt(), "max wait >= increment");
        assertTrue(REALM.path("maxDeltaTimeSeconds").asInt() >= 3600, "failures are counted over an hour or more");
        assertFalse(REALM.path("registrationAllowed").asBoolean(false), "no self-registration");
        List<String> passwords = new ArrayList<>();
        for (JsonNode u : REALM.get("users")) {
            for (JsonNode c : u.path("credentials")) {
                assertTrue(c.path("temporary").asBoolean(), u.get("username") + ": a placeholder password, to be changed at first login");
                passwords.add(c.path("value").asText());
            }
        }
        assertFalse(passwords.isEmpty(), "example users can log in once");
        String policy = REALM.path("passwordPolicy").asText();
        assertTrue(policy.contains("length("), "a password policy: " + policy);
        int minimum = Integer.parseInt(policy.replaceAll(".*length\\((\\d+)\\).*", "$1"));
        assertTrue(passwords.stream().allMatch(p -> p.length() >= minimum), "placeholders meet the policy (the import checks them)");
    }
}
