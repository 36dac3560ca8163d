package vn.govqms.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.govqms.kit.problem.ProblemException;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller of the current request, from its token, and the one place that decides whether the
 * caller may act on an agency. A province-admin acts within the province of its
 * {@code province_code} claim; every other role, when its token names an agency
 * ({@code agency_id}), acts on that agency only, and otherwise within its province.
 */
@RequestScoped
public class Caller {

    public static final String AGENCY_CLAIM = "agency_id";
    public static final String PROVINCE_CLAIM = "province_code";

    private final SecurityIdentity identity;

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

    public Optional<UUID> agencyId() {
        return claim(AGENCY_CLAIM).map(v -> {
            try {
                return UUID.fromString(v);
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

    public Optional<String> provinceCode() {
        return claim(PROVINCE_CLAIM);
    }

    /** True for a machine client (a one-stop-shop system) with no staff role besides. */
    public boolean isIntegrationOnly() {
        return hasRole(Roles.INTEGRATION) && Roles.STAFF.stream().noneMatch(this::hasRole);
    }

    /** True when the caller acts for a whole province rather than one agency. */
    public boolean hasProvinceScope() {
        return hasRole(Roles.PROVINCE_ADMIN) || (claim(AGENCY_CLAIM).isEmpty() && provinceCode().isPresent());
    }

    public boolean mayActOn(AgencyRef agency) {
        if (hasProvinceScope()) {
            return provinceCode().map(p -> p.equals(agency.provinceCode())).orElse(false);
        }
        return agencyId().map(id -> id.equals(agency.id())).orElse(false);
    }

    /** Refuses with 403 when the agency is outside the caller's scope. */
    public void requireAgency(AgencyRef agency) {
        if (!mayActOn(agency)) {
            throw ProblemException.forbidden("Your token does not give access to agency " + agency.id()
                    + (hasProvinceScope() ? " (outside province " + provinceCode().orElse("?") + ")" : "") + ".");
        }
    }

    /** Refuses with 403 unless the caller has province scope over {@code provinceCode}. */
    public void requireProvince(String provinceCode) {
        if (!hasProvinceScope() || !provinceCode().map(p -> p.equals(provinceCode)).orElse(false)) {
            throw ProblemException.forbidden("Your token does not give access to province " + provinceCode + ".");
        }
    }

    /**
     * For shared registers (legal documents, the TTHC catalogue): a province's own entries need that
     * province's scope; national entries any province scope.
     */
    public void requireRegisterWriter(String provinceCode) {
        if (provinceCode != null) {
            requireProvince(provinceCode);
        } else if (!hasProvinceScope() || provinceCode().isEmpty()) {
            throw ProblemException.forbidden("Only a province role maintains the national registers.");
        }
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String s = value.toString();
                if (value instanceof jakarta.json.JsonString js) {
                    s = js.getString();
                }
                return s.isBlank() ? Optional.empty() : Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
