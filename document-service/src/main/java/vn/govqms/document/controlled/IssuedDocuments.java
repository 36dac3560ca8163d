package vn.govqms.document.controlled;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import vn.govqms.kit.db.ChangeNotices;
import vn.govqms.kit.db.NoticedCache;
import vn.govqms.kit.security.AgencyRef;

import java.util.UUID;

/**
 * The ETags of the documents whose newest version is issued, as this instance last answered them, with their
 * agency (the caller's scope is checked against it before a 304): a client that sends one back is answered without
 * the database. An issued version does not change; what can still change the answer (a new revision, the version
 * superseded or abolished, the document posted, moved or recoded, the agency moved) is written to
 * {@code controlled_document}, {@code document_version} or {@code agency}, whose triggers notify
 * {@code govqms_document} at the commit: every instance forgets the document (or, for a bulk change or an agency,
 * everything) then. Drafts are not kept: they change while they are written.
 */
@Startup // listens for change notices from the start
@ApplicationScoped
public class IssuedDocuments {

    /** About 20,000 × 250 bytes: a few MB of heap. */
    static final int MAX_DOCUMENTS = 20_000;

    record Known(EntityTag tag, AgencyRef agency) {
    }

    private final NoticedCache<UUID, Known> known;

    public IssuedDocuments(ChangeNotices notices) {
        this.known = new NoticedCache<>(notices, "govqms_document", id -> id.isEmpty() ? null : UUID.fromString(id), MAX_DOCUMENTS);
    }

    Known get(UUID documentId) {
        return known.get(documentId);
    }

    long epoch() {
        return known.epoch();
    }

    void put(UUID documentId, Known value, long epochBefore) {
        known.put(documentId, value, epochBefore);
    }
}
