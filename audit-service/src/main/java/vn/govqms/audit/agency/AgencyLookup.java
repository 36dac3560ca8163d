package vn.govqms.audit.agency;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.agency.DirectoryEntry;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Scope;

import java.util.Map;
import java.util.UUID;

/**
 * Looks agencies up in the directory: the one place an agency id becomes a {@link DirectoryEntry} (with its
 * {@link AgencyRef}); whether the caller may read or change it is {@link Scope}'s decision.
 */
@ApplicationScoped
public class AgencyLookup {

    /** The agency named in a request body: 422 when this service does not know it. */
    public Uni<DirectoryEntry> known(String field, UUID id) {
        return DirectoryEntry.<DirectoryEntry>findById(id).map(a -> {
            if (a == null) {
                throw unknown(field, id);
            }
            return a;
        });
    }

    /** The agency of a stored resource (it exists: the resource refers to it). */
    public Uni<DirectoryEntry> of(UUID id) {
        return DirectoryEntry.<DirectoryEntry>findById(id).map(a -> {
            if (a == null) {
                throw new IllegalStateException("agency " + id + " missing from the directory");
            }
            return a;
        });
    }

    /**
     * The condition of a list query on an entity whose {@code property} is an agency id: the agency asked for
     * ({@code requested}, which the caller must be able to read; 400 when unknown), else every agency
     * {@link Scope#rows()} lets the caller list.
     */
    public Uni<Void> listed(String property, UUID requested, Scope scope, Where where) {
        if (requested != null) {
            where.add(property + " = :listedAgency", Map.of("listedAgency", requested));
            return DirectoryEntry.<DirectoryEntry>findById(requested).invoke(a -> {
                if (a == null) {
                    throw ProblemException.invalidField("agencyId", "no agency with id " + requested);
                }
                scope.requireRead(a.ref());
            }).replaceWithVoid();
        }
        AgencyFilter rows = scope.rows();
        if (!rows.all()) {
            where.add(property + " in (select a.id from DirectoryEntry a where " + rows.jpql("a") + ")", rows.jpqlParameters());
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The key under which a province-wide record (a campaign, a report submission) is kept in the audit trail:
     * no agency, the province, so that the trail is read by those who may read the province's records.
     */
    public static AgencyRef province(String code) {
        return AgencyRef.province(code);
    }

    public static ProblemException unknown(String field, UUID id) {
        return ProblemException.unprocessable("unknown-reference", "Unknown reference",
                "No agency with id " + id + " is known to audit-service (" + field + ").", Map.of("field", field));
    }
}
