package vn.govqms.document.review;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.document.review.ReviewDtos.ReviewView;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncToken;

import java.util.List;
import java.util.UUID;

/**
 * The review-task feed of an officer's app: tasks of the agencies the caller reads, changed since a token (a new task, a
 * resolution, an overdue mark); a task moved out of reach with its document comes back as a tombstone.
 */
@ApplicationScoped
public class ReviewSync {

    static final String FEED = "review-tasks";

    private final Pool pool;
    private final Scope scope;
    private final ReviewService reviews;

    public ReviewSync(Pool pool, Scope scope, ReviewService reviews) {
        this.pool = pool;
        this.scope = scope;
        this.reviews = reviews;
    }

    public Uni<Changes<ReviewView>> changes(SyncToken since, int limit) {
        AgencyFilter rows = scope.rows();
        List<Object> args = AgencyFilter.arguments();
        String visible = rows.sqlAppending("a", args);
        SyncFeed.Query query = new SyncFeed.Query(FEED,
                "select r.id::text as id, r.updated_at as at from review_task r join agency a on a.id = r.agency_id where " + visible,
                "t.agency_id in (select a.id from agency a where " + visible + ")", args);
        return SyncFeed.keys(pool, query, since, limit).chain(keys -> reviews
                .viewsOf(SyncFeed.liveIds(keys).stream().map(UUID::fromString).toList())
                .map(items -> SyncFeed.page(keys, items, since, limit)));
    }
}
