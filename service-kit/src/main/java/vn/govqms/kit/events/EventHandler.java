package vn.govqms.kit.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies events of some types to the service's own tables, inside the transaction that also
 * records the event as processed. Implementations are CDI beans; {@link EventConsumer} finds them.
 */
public interface EventHandler {

    /** The full, versioned event types handled, e.g. {@code vn.govqms.document.agency.registered.v1}. */
    Set<String> eventTypes();

    Uni<Void> apply(ReceivedEvent event, SqlConnection tx);

    /**
     * Applies consecutive events of this handler's types, in order. The consumer hands over whole runs
     * of a polled batch; override with one statement (a batch or {@code unnest}) where many arrive together.
     */
    default Uni<Void> applyAll(List<ReceivedEvent> events, SqlConnection tx) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReceivedEvent e : events) {
            chain = chain.chain(() -> apply(e, tx));
        }
        return chain;
    }

    /** Splits a run into its consecutive events of one type, in order: what an {@link #applyAll} can store set-based. */
    static List<List<ReceivedEvent>> runsOfOneType(List<ReceivedEvent> events) {
        List<List<ReceivedEvent>> runs = new ArrayList<>();
        for (ReceivedEvent e : events) {
            if (runs.isEmpty() || !runs.get(runs.size() - 1).get(0).type().equals(e.type())) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(e);
        }
        return runs;
    }
}
