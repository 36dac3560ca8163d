package vn.govqms.audit.internalaudit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;

import java.util.Set;
import java.util.UUID;

/**
 * The controlled documents of the agencies as audits cite them, kept from document-service's
 * {@code document.issued} and {@code document.abolished}: audits may cite only issued procedures
 * of the audited agency, and an audit whose procedure is abolished later is marked.
 */
@ApplicationScoped
public class DocumentCatalogue implements EventHandler {

    public static final String ISSUED = EventTypes.of("document", "document.issued");
    public static final String ABOLISHED = EventTypes.of("document", "document.abolished");

    record DocumentData(UUID documentId, UUID agencyId, String code, String title, Integer revision) {
    }

    private static final String ISSUE = """
            insert into known_document (id, agency_id, code, title, revision, status, updated_at)
            values ($1, $2, $3, $4, $5, 'ISSUED', now())
            on conflict (id) do update set agency_id = excluded.agency_id, code = excluded.code, title = excluded.title,
                revision = excluded.revision, status = 'ISSUED', updated_at = now()
            where known_document.revision <= excluded.revision""";

    /** Abolishing the version in force (or a document never issued) abolishes the document. */
    private static final String ABOLISH = """
            insert into known_document (id, agency_id, code, title, revision, status, updated_at)
            values ($1, $2, $3, $4, $5, 'ABOLISHED', now())
            on conflict (id) do update set status = 'ABOLISHED', updated_at = now()
            where known_document.revision <= excluded.revision""";

    private static final String MARK = """
            update audit_procedure set abolished = true
            where document_id = $1 and abolished = false
              and exists (select 1 from known_document d where d.id = $1 and d.status = 'ABOLISHED')""";

    @Override
    public Set<String> eventTypes() {
        return Set.of(ISSUED, ABOLISHED);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        DocumentData d = event.dataAs(DocumentData.class);
        if (d.documentId() == null || d.agencyId() == null || d.code() == null || d.revision() == null) {
            throw new PoisonEventException("document event without documentId, agencyId, code or revision");
        }
        Tuple row = Tuple.from(new Object[] {d.documentId(), d.agencyId(), d.code(), d.title(), d.revision()});
        if (ISSUED.equals(event.type())) {
            return tx.preparedQuery(ISSUE).execute(row).replaceWithVoid();
        }
        return tx.preparedQuery(ABOLISH).execute(row)
                .chain(() -> tx.preparedQuery(MARK).execute(Tuple.of(d.documentId()))).replaceWithVoid();
    }

}
