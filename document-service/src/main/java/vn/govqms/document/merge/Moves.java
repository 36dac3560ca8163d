package vn.govqms.document.merge;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The set-based moves of a reorganisation (merger or split): documents, their review tasks and
 * history, TTHCs and succession links, each one statement over the given ids.
 */
final class Moves {

    private static final String RENAME_TAKEN_CODES = """
            update controlled_document d set code = d.code || '-' || regexp_replace(?3, '[^0-9A-Z]', '', 'g')
            where d.agency_id = cast(?1 as uuid) and d.id = any(cast(cast(?4 as text) as uuid[]))
              and exists (select 1 from controlled_document x where x.agency_id = cast(?2 as uuid) and x.code = d.code)""";
    private static final String MOVE_HISTORY = """
            update audit_trail t set agency_id = s.id, province_code = s.province_code, root_id = s.root_id
            from agency s
            where s.id = cast(?2 as uuid) and t.agency_id = cast(?1 as uuid)
              and ((t.resource_type = 'document' and t.resource_id = any(cast(cast(?3 as text) as text[])))
                   or (t.resource_type = 'review-task' and t.resource_id in
                       (select r.id::text from review_task r where r.document_id = any(cast(cast(?3 as text) as uuid[]))))
                   or (t.resource_type = 'agency' and cast(?4 as boolean)))""";
    private static final String MOVE_REVIEWS = """
            update review_task set agency_id = cast(?2 as uuid)
            where agency_id = cast(?1 as uuid) and document_id = any(cast(cast(?3 as text) as uuid[]))""";
    private static final String MOVE_DOCUMENTS = """
            update controlled_document set agency_id = cast(?2 as uuid)
            where agency_id = cast(?1 as uuid) and id = any(cast(cast(?3 as text) as uuid[]))""";
    private static final String COPY_PROCEDURES = """
            insert into agency_procedure (agency_id, procedure_id, since)
            select cast(?2 as uuid), procedure_id, cast(?3 as date) from agency_procedure
            where agency_id = cast(?1 as uuid) and procedure_id = any(cast(cast(?4 as text) as uuid[]))
            on conflict do nothing""";
    private static final String CONTINUED = """
            select distinct cast(predecessor_id as text) from agency_succession
            where predecessor_id = any(cast(cast(?1 as text) as uuid[]))""";
    private static final String LINK = "insert into agency_succession (predecessor_id, successor_id, effective_date) "
            + "values (cast(?1 as uuid), cast(?2 as uuid), cast(?3 as date)) on conflict do nothing";

    private Moves() {
    }

    /**
     * Moves documents (renamed where the code is taken at the successor), then their reviews and history, and the agency's
     * own history when {@code agencyHistory}; returns {moved, renamed}.
     */
    static Uni<long[]> documents(Mutiny.Session session, UUID source, String sourceCode, UUID successor, Collection<UUID> docs,
                                 boolean agencyHistory) {
        String array = array(docs);
        long[] counts = new long[2];
        return session.createNativeQuery(RENAME_TAKEN_CODES).setParameter(1, source).setParameter(2, successor)
                .setParameter(3, sourceCode).setParameter(4, array).executeUpdate().invoke(n -> counts[1] = n)
                .chain(() -> session.createNativeQuery(MOVE_HISTORY).setParameter(1, source).setParameter(2, successor)
                        .setParameter(3, array).setParameter(4, agencyHistory).executeUpdate())
                .chain(() -> session.createNativeQuery(MOVE_REVIEWS).setParameter(1, source).setParameter(2, successor)
                        .setParameter(3, array).executeUpdate())
                .chain(() -> session.createNativeQuery(MOVE_DOCUMENTS).setParameter(1, source).setParameter(2, successor)
                        .setParameter(3, array).executeUpdate()).invoke(n -> counts[0] = n)
                .map(n -> counts);
    }

    /** The successor handles these TTHCs of the source from {@code since}. */
    static Uni<Integer> procedures(Mutiny.Session session, UUID source, UUID successor, LocalDate since, Collection<UUID> ids) {
        return session.createNativeQuery(COPY_PROCEDURES).setParameter(1, source).setParameter(2, successor)
                .setParameter(3, since).setParameter(4, array(ids)).executeUpdate();
    }

    /** Which of these agencies are continued by another already (a merger or split recorded them). */
    @SuppressWarnings("unchecked")
    static Uni<Set<UUID>> continued(Mutiny.Session session, Collection<UUID> ids) {
        return session.createNativeQuery(CONTINUED, String.class).setParameter(1, array(ids)).getResultList()
                .map(rows -> rows.stream().map(UUID::fromString).collect(Collectors.toSet()));
    }

    static Uni<Integer> link(Mutiny.Session session, UUID predecessor, UUID successor, LocalDate effective) {
        return session.createNativeQuery(LINK).setParameter(1, predecessor).setParameter(2, successor)
                .setParameter(3, effective).executeUpdate();
    }

    /** A PostgreSQL array literal of ids. */
    private static String array(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
