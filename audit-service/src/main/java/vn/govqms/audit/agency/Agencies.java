package vn.govqms.audit.agency;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;

import io.quarkus.panache.common.Parameters;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Looks agencies up in the directory and applies the caller's scope to them. */
@ApplicationScoped
public class Agencies {

    /** The agency named in a request body: 422 when this service does not know it. */
    public Uni<Agency> known(String field, UUID id) {
        return Agency.<Agency>findById(id).map(a -> {
            if (a == null) {
                throw unknown(field, id);
            }
            return a;
        });
    }

    /** A known agency within the caller's scope (403 otherwise). */
    public Uni<Agency> inScope(String field, UUID id, Caller caller) {
        return known(field, id).invoke(a -> caller.requireAgency(a.ref()));
    }

    /** The agency of a stored resource (it exists: the resource refers to it). */
    public Uni<Agency> of(UUID id) {
        return Agency.<Agency>findById(id).map(a -> {
            if (a == null) {
                throw new IllegalStateException("agency " + id + " missing from the directory");
            }
            return a;
        });
    }

    /**
     * Restricts a list query to the caller's scope: the agency asked for (checked), else the caller's
     * province (province roles) or own agency. {@code property} names the agency id of the listed entity.
     */
    public Uni<Void> restrict(String property, UUID agencyId, Caller caller, List<String> where, Parameters params) {
        if (agencyId != null) {
            where.add(property + " = :scopeAgency");
            params.and("scopeAgency", agencyId);
            return Agency.<Agency>findById(agencyId).invoke(a -> {
                if (a == null) {
                    throw ProblemException.invalidField("agencyId", "no agency with id " + agencyId);
                }
                caller.requireAgency(a.ref());
            }).replaceWithVoid();
        }
        if (caller.hasProvinceScope()) {
            String province = caller.provinceCode().orElseThrow(() -> ProblemException.forbidden("Your token names no province."));
            where.add(property + " in (select a.id from Agency a where a.provinceCode = :scopeProvince)");
            params.and("scopeProvince", province);
        } else {
            UUID own = caller.agencyId().orElseThrow(() -> ProblemException.forbidden("Your token names no agency."));
            where.add(property + " = :scopeAgency");
            params.and("scopeAgency", own);
        }
        return Uni.createFrom().voidItem();
    }

    public static ProblemException unknown(String field, UUID id) {
        return ProblemException.unprocessable("unknown-reference", "Unknown reference",
                "No agency with id " + id + " is known to audit-service (" + field + ").", Map.of("field", field));
    }
}
