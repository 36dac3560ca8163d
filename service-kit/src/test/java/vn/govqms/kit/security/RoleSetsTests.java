package vn.govqms.kit.security;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every named role set resolves, in the kit's configuration, to roles a token can carry: a typo would deny silently. */
class RoleSetsTests {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(govqms\\.roles\\.[a-z-]+)}");

    @Test
    void everyRoleSetListsKnownRolesOnly() throws Exception {
        Properties config = new Properties();
        try (InputStream in = Roles.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        Set<String> known = Set.of(Roles.NATIONAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.PROVINCE_ADMIN, Roles.AGENCY_HEAD,
                Roles.ISO_OFFICER, Roles.AUDITOR, Roles.VIEWER, Roles.INTEGRATION);
        List<String> sets = new ArrayList<>();
        for (Field f : Roles.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
                continue;
            }
            Matcher m = EXPRESSION.matcher((String) f.get(null));
            if (!m.matches()) {
                continue;
            }
            sets.add(f.getName());
            String listed = config.getProperty(m.group(1));
            assertTrue(listed != null && !listed.isBlank(), f.getName() + " is not configured (" + m.group(1) + ")");
            for (String role : listed.split(",")) {
                assertTrue(known.contains(role.trim()), f.getName() + " lists an unknown role: " + role);
            }
        }
        assertEquals(13, sets.size(), "named role sets: " + sets);
        assertEquals(Set.copyOf(Roles.STAFF), Set.of(config.getProperty("govqms.roles.any-staff").split(",")));
        assertEquals(Set.copyOf(Roles.AGENCY_ROLES), Set.of(config.getProperty("govqms.roles.any-agency-role").split(",")));
    }
}
