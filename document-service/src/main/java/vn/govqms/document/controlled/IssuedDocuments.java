package vn.govqms.document.controlled;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import vn.govqms.kit.db.ChangeNotices;
import vn.govqms.kit.db.NoticedCache;
import vn.govqms.kit.security.AgencyRef;

import java.util.UUID;

/**
 * The answers of the documents whose newest version is issued, as this instance last gave them (the JSON, its ETag
 * and the agency the caller's scope is checked against): a client that sends the ETag back gets a 304, any other the
 * same bytes, without the database. An issued version does not change; what can still change the answer (a new
 * revision, the version superseded or abolished, the document posted, moved or recoded, the agency moved) is written
 * to {@code controlled_document}, {@code document_version} or {@code agency}, whose triggers notify
 * {@code govqms_document} at the commit: every instance forgets the document (or, for a bulk change or an agency,
 * everything) then. Drafts are not kept: they change while they are written.
 */
@Startup // listens for change notices from the start
@ApplicationScoped
public class IssuedDocuments {

    /** {@code govqms.documents.issued-cache.*}: how much of the heap the answers may take. */
    @ConfigMapping(prefix = "govqms.documents.issued-cache")
    public interface Config {

        /** The most documents held (the least recently read go first). */
        @WithDefault("100000")
        int maxDocuments();

        /** The most bytes of answers held (a document's answer is 1-2 KB; 0 holds ETags only: 304s, no bodies). */
        @WithDefault("32M")
        MemorySize maxSize();
    }

    /** An answer; {@code body} is {@code null} when the bodies are not kept (max-size 0). */
    record Known(EntityTag tag, AgencyRef agency, byte[] body) {
    }

    private final NoticedCache<UUID, Known> known;
    private final boolean bodies;

    public IssuedDocuments(ChangeNotices notices, Config config) {
        long maxBytes = config.maxSize().asLongValue();
        this.bodies = maxBytes > 0;
        this.known = new NoticedCache<>(notices, "govqms_document", id -> id.isEmpty() ? null : UUID.fromString(id),
                config.maxDocuments(), k -> k.body() == null ? 0 : k.body().length, bodies ? maxBytes : Long.MAX_VALUE);
    }

    Known get(UUID documentId) {
        return known.get(documentId);
    }

    long epoch() {
        return known.epoch();
    }

    void put(UUID documentId, EntityTag tag, AgencyRef agency, byte[] body, long epochBefore) {
        known.put(documentId, new Known(tag, agency, bodies ? body : null), epochBefore);
    }
}
