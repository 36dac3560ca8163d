package vn.govqms.scoring.ranking;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Scope;
import vn.govqms.scoring.support.AgencyLookup;

import java.util.UUID;

/**
 * Whose ranking and statistics a caller reads, decided through the kit's {@link Scope}. A ranking covers a
 * tenant: a province's agencies, or a ministry's subtree among the central bodies (province {@code 00}).
 * <ul>
 * <li>{@code national-admin}: any province it names, or a ministry ({@code ministryId}); it names one.</li>
 * <li>{@code ministry-admin}: its ministry's subtree.</li>
 * <li>{@code province-admin}: its province (the default) and the provinces merged into it.</li>
 * <li>an agency's people: the tenant of their agency (its province, or its ministry for a central unit), the
 * ranking being published to every agency ranked in it.</li>
 * </ul>
 */
@ApplicationScoped
public class RankingReaders {

    /** The agencies a ranking covers: a province's, or ({@code ministryId} not null) a ministry's subtree of province 00. */
    public record Tenant(String provinceCode, UUID ministryId) {
        static Tenant province(String code) {
            return new Tenant(code, null);
        }

        static Tenant ministry(UUID root) {
            return new Tenant(AgencyRef.CENTRAL, root);
        }

        @Override
        public String toString() {
            return ministryId == null ? "province " + provinceCode : "ministry " + ministryId;
        }
    }

    @Inject Scope scope;
    @Inject AgencyLookup agencies;

    /** The tenant asked for ({@code provinceCode}, {@code ministryId}: either may be null), or 403 / 400. */
    public Uni<Tenant> tenant(String provinceCode, UUID ministryId) {
        return switch (scope.level()) {
            case NATIONAL -> Uni.createFrom().item(named(provinceCode, ministryId));
            case MINISTRY -> Uni.createFrom().item(within(Tenant.ministry(scope.ownAgency()), provinceCode, ministryId));
            case PROVINCE -> Uni.createFrom().item(() -> {
                if (ministryId != null) {
                    throw ProblemException.forbidden("A province's steering committee reads its province's rankings, not a ministry's.");
                }
                String code = provinceCode == null ? scope.ownProvince() : provinceCode;
                scope.requireProvinceRead(code);
                return Tenant.province(code);
            });
            case AGENCY -> {
                UUID own = scope.ownAgency();
                yield agencies.require(own).onFailure(ProblemException.class).transform(unknown -> ProblemException.forbidden(
                        "Your agency " + own + " is not known to scoring-service.")).map(a -> {
                    scope.requireRead(a.ref());
                    Tenant tenant = a.ref().isCentral() ? Tenant.ministry(a.rootId()) : Tenant.province(a.provinceCode());
                    return within(tenant, provinceCode, ministryId);
                });
            }
            case INTEGRATION, NONE -> throw ProblemException.forbidden("Rankings are read by the steering committees and the agencies' people.");
        };
    }

    /** national-admin: the tenant it names. */
    private static Tenant named(String provinceCode, UUID ministryId) {
        if (ministryId != null) {
            if (provinceCode != null && !AgencyRef.CENTRAL.equals(provinceCode)) {
                throw ProblemException.invalidField("provinceCode", "leave it out (or " + AgencyRef.CENTRAL + ") with ministryId");
            }
            return Tenant.ministry(ministryId);
        }
        if (provinceCode == null) {
            throw ProblemException.invalidField("provinceCode", "is required at the national level (every province at once: "
                    + "/api/v1/rankings/national/progress and /api/v1/rankings/national/distribution)");
        }
        return Tenant.province(provinceCode);
    }

    /** The caller's own tenant, when the request names no other. */
    private static Tenant within(Tenant own, String provinceCode, UUID ministryId) {
        if ((provinceCode != null && !provinceCode.equals(own.provinceCode())) || (ministryId != null && !ministryId.equals(own.ministryId()))) {
            throw ProblemException.forbidden("Your token gives access to the rankings of " + own + " only.");
        }
        return own;
    }
}
