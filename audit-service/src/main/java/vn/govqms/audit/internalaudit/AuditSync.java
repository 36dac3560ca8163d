package vn.govqms.audit.internalaudit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.audit.internalaudit.AuditDtos.AuditView;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncToken;

import java.util.List;
import java.util.UUID;

/**
 * The checklist feed of an auditor's app: the audits whose team names the caller (with their checklists), changed since
 * a token; an audit whose team no longer names the caller, or that was deleted, is a tombstone (trigger on audit).
 */
@ApplicationScoped
public class AuditSync {

    static final String FEED = "audit-checklists";

    private final Pool pool;
    private final Scope scope;
    private final AuditService audits;

    public AuditSync(Pool pool, Scope scope, AuditService audits) {
        this.pool = pool;
        this.scope = scope;
        this.audits = audits;
    }

    public Uni<Changes<AuditView>> changes(SyncToken since, int limit, Caller caller) {
        scope.rows(); // a token whose role lacks its agency claim is refused, as on every list
        SyncFeed.Query query = new SyncFeed.Query(FEED,
                "select a.id::text as id, a.updated_at as at from audit a where a.team @> jsonb_build_array(jsonb_build_object('subject', $1::text))",
                "t.subject = $1", List.of(caller.subject()));
        return SyncFeed.changes(pool, query, since, limit, ids -> audits.viewsOf(ids.stream().map(UUID::fromString).toList()));
    }
}
