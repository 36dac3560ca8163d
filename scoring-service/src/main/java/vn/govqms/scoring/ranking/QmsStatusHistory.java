package vn.govqms.scoring.ranking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps each agency's QMS status and edition with the day each changed ({@code qms.status-changed}), so that the
 * progress figures answer "as of" a date: finished building (APPLYING or ANNOUNCED) and converted to ISO 9001:2015.
 * Applied in the kit consumer's transaction (a redelivered event is skipped there); a run is one statement.
 */
@ApplicationScoped
public class QmsStatusHistory implements EventHandler {

    static final String STATUS_CHANGED = EventTypes.of("document", "qms.status-changed");

    private static final String INSERT = """
            insert into qms_status_history (agency_id, effective_date, status, standard_edition, recorded_at)
            select a, d, s, e, $5 from unnest($1::uuid[], $2::date[], $3::text[], $4::text[]) with ordinality as x(a, d, s, e, ord)
            order by ord""";

    @Inject Clock clock;

    @Override
    public Set<String> eventTypes() {
        return Set.of(STATUS_CHANGED);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        return applyAll(List.of(event), tx);
    }

    @Override
    public Uni<Void> applyAll(List<ReceivedEvent> events, SqlConnection tx) {
        int n = events.size();
        UUID[] agencies = new UUID[n];
        LocalDate[] dates = new LocalDate[n];
        String[] statuses = new String[n];
        String[] editions = new String[n];
        for (int i = 0; i < n; i++) {
            var d = events.get(i).data();
            try {
                agencies[i] = UUID.fromString(d.path("agencyId").asText());
                dates[i] = LocalDate.parse(d.path("effectiveDate").asText());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new PoisonEventException("qms.status-changed needs agencyId and effectiveDate: " + e.getMessage());
            }
            statuses[i] = d.path("status").asText(null);
            if (statuses[i] == null) {
                throw new PoisonEventException("qms.status-changed has no status");
            }
            editions[i] = d.hasNonNull("standardEdition") ? d.get("standardEdition").asText() : null;
        }
        return tx.preparedQuery(INSERT).execute(Tuple.of(agencies, dates, statuses, editions, OffsetDateTime.now(clock))).replaceWithVoid();
    }
}
