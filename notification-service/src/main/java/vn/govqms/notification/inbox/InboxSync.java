package vn.govqms.notification.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncToken;
import vn.govqms.notification.inbox.InboxDtos.NotificationView;

import java.util.List;

/**
 * The notifications feed of an officer's app: the caller's own inbox notifications (token subject) changed since a token
 * (new ones, read marks); a deleted one is a tombstone (trigger on notification).
 */
@ApplicationScoped
public class InboxSync {

    static final String FEED = "notifications";

    private final Pool pool;
    private final Scope scope;
    private final InboxService inbox;

    public InboxSync(Pool pool, Scope scope, InboxService inbox) {
        this.pool = pool;
        this.scope = scope;
        this.inbox = inbox;
    }

    public Uni<Changes<NotificationView>> changes(SyncToken since, int limit, Caller caller) {
        scope.rows(); // a token whose role lacks its claim is refused, naming the claim, as for the inbox list
        SyncFeed.Query query = new SyncFeed.Query(FEED,
                "select n.id::text as id, n.updated_at as at from notification n where n.channel = 'INBOX' and n.subject = $1",
                "t.subject = $1", List.of(caller.subject()));
        return SyncFeed.changes(pool, query, since, limit, ids -> inbox.viewsOf(ids.stream().map(Long::valueOf).toList()));
    }
}
