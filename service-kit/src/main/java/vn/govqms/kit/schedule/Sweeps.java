package vn.govqms.kit.schedule;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The end of every scheduled sweep (overdue checks, deadline reminders, digests), written once: what it changed is logged
 * when it changed anything, and a failure is a warning without a stack trace, swallowed so that the scheduler keeps its
 * rhythm; the next tick tries again, and the sweeps are idempotent.
 */
public final class Sweeps {

    private Sweeps() {
    }

    /**
     * @param sweep   the sweep, counting what it changed
     * @param changed the line logged when the count is above zero, with one {@code %d} for the count
     * @param name    the sweep's name in the failure's warning ("expiry check" gives "expiry check failed: ...")
     */
    public static Uni<Void> logged(Uni<? extends Number> sweep, String changed, String name) {
        return sweep.invoke(n -> {
            if (n != null && n.longValue() > 0) {
                Log.infof(changed, n);
            }
        }).onFailure().invoke(e -> Log.warnf("%s failed: %s", name, e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** A sweep that logs what it did itself. */
    public static Uni<Void> logged(Uni<?> sweep, String name) {
        return sweep.onFailure().invoke(e -> Log.warnf("%s failed: %s", name, e.getMessage())).onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
