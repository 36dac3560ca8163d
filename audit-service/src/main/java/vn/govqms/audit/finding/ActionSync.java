package vn.govqms.audit.finding;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.audit.finding.FindingDtos.ActionView;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncToken;

import java.util.UUID;

/**
 * The corrective-action feed of an officer's app: actions of the agencies the caller reads, changed since a token; an
 * action moved to an agency out of reach (a merger or split applied from document-service's events) is a tombstone.
 */
@ApplicationScoped
public class ActionSync {

    static final String FEED = "corrective-actions";

    private final Pool pool;
    private final Scope scope;
    private final ActionService actions;

    public ActionSync(Pool pool, Scope scope, ActionService actions) {
        this.pool = pool;
        this.scope = scope;
        this.actions = actions;
    }

    public Uni<Changes<ActionView>> changes(SyncToken since, int limit) {
        return SyncFeed.changes(pool, SyncFeed.byAgency(FEED, "corrective_action", "agency_directory", scope.rows()), since, limit,
                ids -> actions.viewsOf(ids.stream().map(UUID::fromString).toList()));
    }
}
