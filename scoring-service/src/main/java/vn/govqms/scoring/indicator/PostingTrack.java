package vn.govqms.scoring.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * "Procedures issued but not posted" ({@link IndicatorCode#PROCEDURES_NOT_POSTED}): the revision in force of each
 * procedure and whether it was posted at the office and on the portal. Each statement is an idempotent upsert that
 * only moves forward (a posting or abolition of an older revision changes nothing), so a redelivered event does nothing.
 */
final class PostingTrack {

    /** The document types that are procedures (document-service's {@code DocumentType.isProcedure}). */
    static final Set<String> PROCEDURES = Set.of("SYSTEM_PROCEDURE", "OPERATIONAL_PROCEDURE", "TTHC_PROCEDURE");

    private PostingTrack() {
    }

    static boolean tracks(String type) {
        return type != null && PROCEDURES.contains(type);
    }

    /** A revision was issued: it is the one in force, not yet posted anywhere. */
    static Uni<Void> issued(SqlConnection tx, UUID document, UUID agency, int revision, String code, LocalDate on, OffsetDateTime now) {
        return tx.preparedQuery("insert into procedure_posting (document_id, agency_id, revision, code, issued_on, updated_at) "
                        + "values ($1, $2, $3, $4, $5, $6) on conflict (document_id) do update set agency_id = excluded.agency_id, "
                        + "revision = excluded.revision, code = excluded.code, issued_on = excluded.issued_on, on_notice_board = false, "
                        + "on_portal = false, in_force = true, updated_at = excluded.updated_at "
                        + "where procedure_posting.revision < excluded.revision")
                .execute(Tuple.from(new Object[] {document, agency, revision, code, on, now})).replaceWithVoid();
    }

    /** The revision was posted on {@code channel} (NOTICE_BOARD or PORTAL). */
    static Uni<Void> posted(SqlConnection tx, UUID document, int revision, String channel, OffsetDateTime now) {
        String column = "PORTAL".equals(channel) ? "on_portal" : "on_notice_board";
        return tx.preparedQuery("update procedure_posting set " + column + " = true, updated_at = $3 where document_id = $1 and revision = $2")
                .execute(Tuple.of(document, revision, now)).replaceWithVoid();
    }

    /** The revision was abolished: if it was the one in force, nothing of the document is (a draft abolished changes nothing). */
    static Uni<Void> abolished(SqlConnection tx, UUID document, int revision, OffsetDateTime now) {
        return tx.preparedQuery("update procedure_posting set in_force = false, updated_at = $3 where document_id = $1 and revision = $2")
                .execute(Tuple.of(document, revision, now)).replaceWithVoid();
    }
}
