package vn.govqms.scoring.dossier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.calendar.ProcessingTime;
import vn.govqms.kit.calendar.WorkingCalendar;
import vn.govqms.kit.time.ClockProducer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The due date of a dossier the one-stop-shop sent without one: received + the procedure's processing time on the
 * deployment's working-day calendar, the time that applied on the day received ({@link ProcedureTimes}). A localised
 * code without a time of its own takes its national code's; a procedure scoring does not know leaves the dossier
 * without a due date (it then counts in no on-time figure), as before.
 */
@ApplicationScoped
public class DossierDueDates {

    /** Length of a national TTHC code, {@code 1.001612}; a localised code continues it. */
    private static final int NATIONAL_CODE_LENGTH = 8;

    @Inject Pool pool;
    @Inject WorkingCalendar calendar;

    /** {@code items} with a due date where one was missing and can be computed. */
    Uni<List<DossierItem>> fill(List<DossierItem> items) {
        List<DossierItem> missing = items.stream().filter(i -> i.dueAt() == null && i.receivedAt() != null).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(items);
        }
        Set<String> codes = missing.stream().flatMap(i -> List.of(i.tthcCode(), national(i.tthcCode())).stream()).collect(Collectors.toSet());
        return pool.preparedQuery("select code, effective_from, processing_unit, processing_amount from procedure_time where code = any($1)")
                .execute(Tuple.of(codes.toArray(new String[0]))).map(rows -> {
                    Map<String, TreeMap<LocalDate, ProcessingTime>> times = new HashMap<>();
                    for (Row r : rows) {
                        times.computeIfAbsent(r.getString(0), c -> new TreeMap<>()).put(r.getLocalDate(1),
                                new ProcessingTime(ProcessingTime.Unit.valueOf(r.getString(2)), r.getInteger(3)));
                    }
                    List<DossierItem> out = new ArrayList<>(items.size());
                    for (DossierItem i : items) {
                        ProcessingTime t = i.dueAt() != null || i.receivedAt() == null ? null : timeOn(times, i);
                        out.add(t == null ? i : new DossierItem(i.dossierCode(), i.status(), i.occurredAt(), i.agencyId(), i.tthcCode(),
                                i.channel(), i.receivedAt(), calendar.dueAt(i.receivedAt(), t), i.resolvedAt(), i.apologyNewDueAt()));
                    }
                    return out;
                });
    }

    private static ProcessingTime timeOn(Map<String, TreeMap<LocalDate, ProcessingTime>> times, DossierItem i) {
        LocalDate received = i.receivedAt().atZoneSameInstant(ClockProducer.VIETNAM).toLocalDate();
        for (String code : List.of(i.tthcCode(), national(i.tthcCode()))) {
            TreeMap<LocalDate, ProcessingTime> byDate = times.get(code);
            Map.Entry<LocalDate, ProcessingTime> e = byDate == null ? null : byDate.floorEntry(received);
            if (e != null) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String national(String code) {
        return code.length() > NATIONAL_CODE_LENGTH ? code.substring(0, NATIONAL_CODE_LENGTH) : code;
    }
}
