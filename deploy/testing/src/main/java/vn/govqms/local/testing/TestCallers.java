package vn.govqms.local.testing;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import vn.govqms.kit.security.Caller;

import java.util.Set;

/** Callers for plain unit tests of the services' policy classes: a subject and its roles, no Quarkus started. */
public final class TestCallers {

    private TestCallers() {
    }

    public static Caller caller(String subject, String... roles) {
        return new Caller(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(subject)).addRoles(Set.of(roles)).build());
    }
}
