package vn.govqms.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls in the current request: subject, roles and the scope claims of its token. What the caller
 * may touch is decided by {@link Scope}, never here.
 */
@RequestScoped
public class Caller {

    public static final String AGENCY_CLAIM = "agency_id";
    public static final String PROVINCE_CLAIM = "province_code";

    private final SecurityIdentity identity;
    // read once a request: smallrye-jwt looks a claim that is not a standard one up through an exception
    private Optional<String> agencyClaim;
    private Optional<String> provinceCode;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String subject() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        Principal p = identity.getPrincipal();
        if (p instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return p.getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The {@code agency_id} claim as it came (it may not be a UUID: {@link Scope} checks it). */
    public Optional<String> agencyClaim() {
        if (agencyClaim == null) {
            agencyClaim = claim(AGENCY_CLAIM);
        }
        return agencyClaim;
    }

    public Optional<String> provinceCode() {
        if (provinceCode == null) {
            provinceCode = claim(PROVINCE_CLAIM);
        }
        return provinceCode;
    }

    /** True for a machine client (a one-stop-shop system) with no staff role besides. */
    public boolean isIntegrationOnly() {
        return hasRole(Roles.INTEGRATION) && Roles.STAFF.stream().noneMatch(this::hasRole);
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String s = value instanceof JsonString js ? js.getString() : value.toString();
                return s.isBlank() ? Optional.empty() : Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
