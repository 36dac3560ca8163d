package vn.govqms.document.procedurereview;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.document.procedurereview.ProcedureReviewDtos.ReviewView;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.sync.Changes;
import vn.govqms.kit.sync.SyncFeed;
import vn.govqms.kit.sync.SyncToken;

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
    private final ProcedureReviewService reviews;

    public ReviewSync(Pool pool, Scope scope, ProcedureReviewService reviews) {
        this.pool = pool;
        this.scope = scope;
        this.reviews = reviews;
    }

    public Uni<Changes<ReviewView>> changes(SyncToken since, int limit) {
        return SyncFeed.changes(pool, SyncFeed.byAgency(FEED, "review_task", "agency", scope.rows()), since, limit,
                ids -> reviews.viewsOf(ids.stream().map(UUID::fromString).toList()));
    }
}
