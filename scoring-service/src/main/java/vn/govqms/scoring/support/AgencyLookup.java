package vn.govqms.scoring.support;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.agency.DirectoryEntry;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.AgencyRef;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agencies this service knows (the kit's directory read model, {@link DirectoryEntry}): an agency id turned into
 * what the kit's {@code Scope} decides on ({@link Agency#ref()}), and names. Unknown agencies are 404 (a path) or 422
 * (a body field); whether the caller may read or change the agency is {@code Scope}'s decision, not this class's.
 * Each lookup joins the caller's Hibernate session when there is one, else opens its own.
 */
@ApplicationScoped
public class AgencyLookup {

    /** An agency of the directory: id, electronic code, name, province, the root of its tree, the day it ended. */
    public record Agency(UUID id, String code, String name, String provinceCode, UUID rootId, LocalDate validTo) {
        static Agency of(DirectoryEntry e) {
            return new Agency(e.id, e.code, e.name, e.provinceCode, e.rootId, e.validTo);
        }

        public AgencyRef ref() {
            return new AgencyRef(id, provinceCode, rootId, validTo);
        }
    }

    /** The agency, or null when the directory does not know it. */
    public Uni<Agency> find(UUID id) {
        return Panache.withSession(() -> DirectoryEntry.<DirectoryEntry>findById(id)).map(e -> e == null ? null : Agency.of(e));
    }

    /** The agencies of these ids the directory knows, by id. */
    public Uni<Map<UUID, Agency>> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.withSession(() -> DirectoryEntry.<DirectoryEntry>list("id in ?1", List.copyOf(ids)))
                .map(found -> found.stream().map(Agency::of).collect(Collectors.toMap(Agency::id, Function.identity())));
    }

    /** The agency named in a path or query parameter, or 404. */
    public Uni<Agency> require(UUID id) {
        return find(id).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("agency", id);
            }
            return a;
        });
    }

    /** The agency named by a body field, or 422 unknown-reference. */
    public Uni<Agency> requireReferenced(String field, UUID id) {
        return find(id).map(a -> {
            if (a == null) {
                throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                        "No agency with id " + id + " is known to scoring-service.", Map.of("field", field));
            }
            return a;
        });
    }

    /**
     * The agency a stored record (an assessment, an objective) belongs to, as {@code Scope} needs it: from the
     * directory, or only its id and the province recorded with it when the directory has lost it (no ministry
     * reaches it then, and no agency's ended date makes it read-only).
     */
    public Uni<AgencyRef> refOf(UUID id, String recordedProvince) {
        return find(id).map(a -> a != null ? a.ref() : new AgencyRef(id, recordedProvince, null, null));
    }

    /**
     * Adds to a list on an entity whose {@code property} is an agency id the condition of the agencies {@code rows}
     * (the kit's {@code Scope.rows()}) admits: none when they admit every agency.
     */
    public static Where listed(String property, AgencyFilter rows, Where where) {
        return rows.all() ? where : where.add(property + " in (select d.id from DirectoryEntry d where " + rows.jpql("d") + ")",
                rows.jpqlParameters());
    }
}
