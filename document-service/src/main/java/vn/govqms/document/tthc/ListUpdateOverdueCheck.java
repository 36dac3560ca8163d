package vn.govqms.document.tthc;

import io.quarkus.logging.Log;
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

    private final ListUpdates updates;

    public ListUpdateOverdueCheck(ListUpdates updates) {
        this.updates = updates;
    }

    @Scheduled(every = "${govqms.tthc.list-update-overdue-check-every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return updates.markOverdue()
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d handled-TTHC list updates became overdue", n);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("list update overdue check failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
