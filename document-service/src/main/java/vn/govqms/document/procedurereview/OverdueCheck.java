package vn.govqms.document.procedurereview;

import jakarta.inject.Inject;
import vn.govqms.kit.schedule.Sweeps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * Marks open review tasks past their due date as overdue and announces each once
 * ({@code procedure-review.overdue}). Idempotent and safe with several instances: a task moves
 * from OPEN to OVERDUE in one update.
 */
@ApplicationScoped
public class OverdueCheck {

    @Inject ReviewTaskQueries reviews;

    @Scheduled(every = "${govqms.review.overdue-check-every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return Sweeps.logged(Panache.withTransaction(() -> Panache.getSession().chain(reviews::markOverdue)),
                "%d procedure reviews became overdue", "overdue check");
    }
}
