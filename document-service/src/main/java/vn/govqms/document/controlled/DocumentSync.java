package vn.govqms.document.controlled;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.document.controlled.DocumentDtos.DocumentView;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncToken;

import java.util.UUID;

/**
 * The documents feed of an officer's app: documents of the agencies the caller reads, changed since a token; a document
 * moved to an agency out of reach (a merger, a split) comes back as a tombstone (trigger on controlled_document).
 */
@ApplicationScoped
public class DocumentSync {

    static final String FEED = "documents";

    private final Pool pool;
    private final Scope scope;
    private final DocumentService documents;

    public DocumentSync(Pool pool, Scope scope, DocumentService documents) {
        this.pool = pool;
        this.scope = scope;
        this.documents = documents;
    }

    public Uni<Changes<DocumentView>> changes(SyncToken since, int limit) {
        return SyncFeed.changes(pool, SyncFeed.byAgency(FEED, "controlled_document", "agency", scope.rows()), since, limit,
                ids -> documents.viewsOf(ids.stream().map(UUID::fromString).toList()));
    }
}
