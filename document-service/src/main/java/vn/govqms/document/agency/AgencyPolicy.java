package vn.govqms.document.agency;

import io.smallrye.mutiny.Uni;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Scope;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Who may register an agency where, and move it in the tree; the scope decisions themselves are {@link Scope}'s. */
final class AgencyPolicy {

    private AgencyPolicy() {
    }

    /**
     * A ministry (a central body without a parent) is registered by the national level; a unit under a
     * parent by whoever may change the parent's records (the ministry's or the province's steering
     * committee); a province's top-level agency by that province's steering committee.
     */
    static void requireRegistrar(Scope scope, String provinceCode, Agency parent) {
        if (parent != null) {
            scope.requireWrite(parent.ref());
            if (!AgencyRef.CENTRAL.equals(provinceCode)) {
                scope.requireProvinceWrite(provinceCode);
            }
        } else if (AgencyRef.CENTRAL.equals(provinceCode)) {
            scope.requireNational("A ministry or other central body (province code " + AgencyRef.CENTRAL
                    + ") is registered by national-admin; its units by the ministry's own ministry-admin.");
        } else {
            scope.requireProvinceWrite(provinceCode);
        }
        if (scope.provinceEnded(provinceCode)) {
            // the successor continues the former province's records, but new agencies belong to the province that exists
            throw ProblemException.forbidden("Province " + provinceCode + " has been merged into another: new agencies are "
                    + "registered in the province that continues it.");
        }
    }

    /**
     * A new parent must be one the caller may change too, and an agency with units of its own does not move
     * to another tree (its units' tenant would change behind them).
     */
    static Uni<Void> requireMove(Scope scope, Agency agency, Agency newParent, Supplier<Uni<Long>> children) {
        if (Objects.equals(agency.parentId, newParent == null ? null : newParent.id)) {
            return Uni.createFrom().voidItem();
        }
        if (newParent != null) {
            scope.requireWrite(newParent.ref());
        }
        if (newParent == null && AgencyRef.CENTRAL.equals(agency.provinceCode)) {
            scope.requireNational("Only national-admin makes a central body a ministry of its own.");
        }
        if (Objects.equals(agency.rootId, newParent == null ? agency.id : newParent.rootId)) {
            return Uni.createFrom().voidItem();
        }
        return children.get().invoke(count -> {
            if (count > 0) {
                throw ProblemException.unprocessable("moves-a-subtree", "Agency has units of its own",
                        "Agency " + agency.code + " has " + count + " units under it; moving it to another tree would move "
                                + "them out of their ministry's or province's tenant. Move or end its units first.",
                        Map.of("units", count));
            }
        }).replaceWithVoid();
    }
}
