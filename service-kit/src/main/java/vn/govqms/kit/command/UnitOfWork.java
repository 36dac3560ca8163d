package vn.govqms.kit.command;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.kit.audit.AuditTrail;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a command ends: the session is flushed (so new rows, their ids and the new {@code @Version} exist), then the
 * command's events are written to the outbox, then its audit-trail row, all in the caller's transaction, so the change,
 * its events and its trail commit or roll back together. A {@code null} event is skipped: a command that publishes
 * only in some cases passes {@code changed ? event : null}.
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
    public Uni<Void> record(TrailEntry entry, OutgoingEvent... events) {
        return Panache.getSession().chain(session -> record(session, entry, events));
    }

    /** Ends the command in {@code session}. */
    public Uni<Void> record(Mutiny.Session session, TrailEntry entry, OutgoingEvent... events) {
        return record(session, List.of(entry), Arrays.asList(events));
    }

    /** Several trail rows (a batch of changes), after the events. */
    public Uni<Void> record(Mutiny.Session session, List<TrailEntry> entries, List<OutgoingEvent> events) {
        Uni<Void> chain = session.flush();
        for (OutgoingEvent event : events) {
            if (event != null) {
                chain = chain.chain(() -> outbox.publish(session, event));
            }
        }
        for (TrailEntry entry : entries) {
            chain = chain.chain(() -> trail.record(session, entry));
        }
        return chain;
    }

    /** Flushes and writes events only, for a command whose trail row a later step of it writes. */
    public Uni<Void> publish(OutgoingEvent... events) {
        return Panache.getSession().chain(session -> record(session, List.of(), Arrays.asList(events)));
    }

    /** The same on a plain reactive connection (nothing to flush): the events in one statement, then the trail row. */
    public Uni<Void> record(SqlConnection tx, TrailEntry entry, OutgoingEvent... events) {
        return outbox.publishAll(tx, Arrays.stream(events).filter(Objects::nonNull).toList()).chain(() -> trail.record(tx, entry));
    }
}
