package vn.govqms.scoring.dossier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.calendar.ProcessingTime;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;

import java.time.LocalDate;
import java.util.Set;

/**
 * Keeps the TTHCs' processing times from document-service: a published procedure's from the start, an amended one's
 * from its effective date (dossiers received before keep the old time). Idempotent: the same event writes the same row.
 */
@ApplicationScoped
public class ProcedureTimes implements EventHandler {

    static final String PUBLISHED = EventTypes.of("document", "administrative-procedure.published");
    static final String CHANGED = EventTypes.of("document", "administrative-procedure.changed");
    /** "Since always": a procedure's time as published applies to every dossier before its first amendment. */
    static final LocalDate ALWAYS = LocalDate.of(1900, 1, 1);

    private static final String UPSERT = """
            insert into procedure_time (code, effective_from, processing_unit, processing_amount) values ($1, $2, $3, $4)
            on conflict (code, effective_from) do update set processing_unit = excluded.processing_unit,
                processing_amount = excluded.processing_amount""";

    /** What is read of either event; events from before processing units existed carry processingDays only. */
    record Data(String code, String changeKind, LocalDate effectiveDate, Integer processingDays, String processingUnit,
                Integer processingAmount) {
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PUBLISHED, CHANGED);
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        Data d = event.dataAs(Data.class);
        if (d.code() == null || "ABOLISHED".equals(d.changeKind())) {
            return Uni.createFrom().voidItem();
        }
        ProcessingTime time;
        try {
            time = d.processingUnit() == null ? ProcessingTime.days(d.processingDays())
                    : new ProcessingTime(ProcessingTime.Unit.valueOf(d.processingUnit()), d.processingAmount() == null ? 0 : d.processingAmount());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("no processing time in " + event + ": " + e.getMessage(), e);
        }
        LocalDate from = PUBLISHED.equals(event.type()) || d.effectiveDate() == null ? ALWAYS : d.effectiveDate();
        return tx.preparedQuery(UPSERT).execute(Tuple.of(d.code(), from, time.unit().name(), time.amount())).replaceWithVoid();
    }
}
