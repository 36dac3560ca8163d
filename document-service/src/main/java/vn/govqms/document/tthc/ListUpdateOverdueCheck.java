package vn.govqms.document.tthc;

import jakarta.inject.Inject;
import vn.govqms.kit.schedule.Sweeps;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * Marks list updates past their due date as overdue and announces each once ({@code tthc-list-update.overdue}).
 * Idempotent and safe with several instances: an update moves from OPEN to OVERDUE in one statement.
 */
@ApplicationScoped
public class ListUpdateOverdueCheck {

    @Inject ListUpdates updates;

    @Scheduled(every = "${govqms.tthc.list-update-overdue-check-every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return Sweeps.logged(updates.markOverdue(),
                "%d handled-TTHC list updates became overdue", "list update overdue check");
    }
}
