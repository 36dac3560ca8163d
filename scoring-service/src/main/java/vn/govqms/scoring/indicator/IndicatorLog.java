package vn.govqms.scoring.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.events.ReceivedEvent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Keeps the last events that moved an agency's indicators (at most {@link #KEEP} per agency). */
@ApplicationScoped
public class IndicatorLog {

    static final int KEEP = 20;

    private final Clock clock;

    public IndicatorLog(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> add(SqlConnection tx, UUID agency, ReceivedEvent event, String summary) {
        return tx.preparedQuery("insert into indicator_event (agency_id, event_id, type, occurred_at, received_at, summary) "
                        + "values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(new Object[] {agency, event.id(), event.type(), event.time(), OffsetDateTime.now(clock), summary}))
                .chain(() -> tx.preparedQuery("delete from indicator_event where agency_id = $1 and id < (select min(id) from "
                        + "(select id from indicator_event where agency_id = $1 order by id desc limit " + KEEP + ") kept)")
                        .execute(Tuple.of(agency)))
                .replaceWithVoid();
    }
}
