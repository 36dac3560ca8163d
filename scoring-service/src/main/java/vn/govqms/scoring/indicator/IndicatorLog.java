package vn.govqms.scoring.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.events.ReceivedEvent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Keeps the last events that moved an agency's indicators (at most {@link #KEEP} per agency). */
@ApplicationScoped
public class IndicatorLog {

    static final int KEEP = 20;

    /** One line of the log: this event moved this agency's indicators, in plain words. */
    public record Line(UUID agency, ReceivedEvent event, String summary) {
    }

    @Inject Clock clock;

    public Uni<Void> add(SqlConnection tx, UUID agency, ReceivedEvent event, String summary) {
        return addAll(tx, List.of(new Line(agency, event, summary)));
    }

    /** Appends the lines in their order and trims every agency named back to its last {@link #KEEP}, in two statements. */
    public Uni<Void> addAll(SqlConnection tx, List<Line> lines) {
        if (lines.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = lines.size();
        UUID[] agencies = new UUID[n];
        String[] ids = new String[n];
        String[] types = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        String[] summaries = new String[n];
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            agencies[i] = l.agency();
            ids[i] = l.event().id();
            types[i] = l.event().type();
            occurred[i] = l.event().time();
            summaries[i] = l.summary();
        }
        return tx.preparedQuery("insert into indicator_event (agency_id, event_id, type, occurred_at, received_at, summary) "
                        + "select a, e, t, o, $6, s from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[]) "
                        + "with ordinality as x(a, e, t, o, s, n) order by n")
                .execute(Tuple.from(new Object[] {agencies, ids, types, occurred, summaries, OffsetDateTime.now(clock)}))
                .chain(() -> tx.preparedQuery("delete from indicator_event e using (select agency_id, min(id) as oldest_kept from "
                                + "(select agency_id, id, row_number() over (partition by agency_id order by id desc) as k "
                                + "from indicator_event where agency_id = any($1)) r where k <= " + KEEP + " group by agency_id) kept "
                                + "where e.agency_id = kept.agency_id and e.id < kept.oldest_kept")
                        .execute(Tuple.of(Arrays.stream(agencies).distinct().toArray(UUID[]::new))))
                .replaceWithVoid();
    }
}
