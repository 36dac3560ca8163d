package vn.govqms.kit.command;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.kit.audit.AuditTrail;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.util.function.Supplier;

/**
 * How a command ends: the session is flushed, then the command's {@link Outcome} is read (the new rows, their ids and
 * the new {@code @Version} exist by then, so the events and the trail's "after" carry them) and written: its events to
 * the outbox, then its audit-trail rows (one statement), all in the caller's transaction, so the change, its events and its trail commit
 * or roll back together.
 */
@ApplicationScoped
public class UnitOfWork {

    private final Outbox outbox;
    private final AuditTrail trail;

    public UnitOfWork(Outbox outbox, AuditTrail trail) {
        this.outbox = outbox;
        this.trail = trail;
    }

    /** Ends the command in the current Panache session (the one {@code @WithTransaction} opened). */
    public Uni<Void> record(Supplier<Outcome> outcome) {
        return Panache.getSession().chain(session -> record(session, outcome));
    }

    /** Ends the command in {@code session}. */
    public Uni<Void> record(Mutiny.Session session, Supplier<Outcome> outcome) {
        return session.flush().chain(() -> {
            Outcome done = outcome.get();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OutgoingEvent event : done.events()) {
                chain = chain.chain(() -> outbox.publish(session, event));
            }
            return chain.chain(() -> trail.record(session, done.trail()));
        });
    }

    /** The same on a plain reactive connection (nothing to flush): the events in one statement, then the trail rows in one batch. */
    public Uni<Void> record(SqlConnection tx, Outcome outcome) {
        return outbox.publishAll(tx, outcome.events()).chain(() -> trail.record(tx, outcome.trail()));
    }
}
