package vn.govqms.document.procedurereview;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.document.procedurereview.ProcedureReviewDtos.ProvinceOverdue;
import vn.govqms.document.procedurereview.ProcedureReviewDtos.ProvinceOverdueReport;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.kit.province.ProvinceSuccessions;
import vn.govqms.kit.security.Scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The national view of legal-change reviews: per province, how many agencies have overdue reviews, how many reviews
 * are open and overdue, and the oldest due date among the overdue, as they stood on a date. Each agency counts in its
 * province; a province that a merger ended counts under the province that continues it on that date, so a merged
 * province is one row. Read by national-admin only.
 */
@ApplicationScoped
public class OverdueByProvince {

    /** Per province code as the agencies carry it; reviews open on $1 (created by then, not resolved by then). */
    private static final String PER_PROVINCE = """
            select a.province_code,
                   count(distinct t.agency_id) filter (where t.due_date < $1) as agencies_overdue,
                   count(t.id) as open_tasks,
                   count(t.id) filter (where t.due_date < $1) as overdue_tasks,
                   min(t.due_date) filter (where t.due_date < $1) as oldest_due
            from agency a
            left join review_task t on t.agency_id = a.id
                 and (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date <= $1
                 and (t.resolved_at is null or (t.resolved_at at time zone 'Asia/Ho_Chi_Minh')::date > $1)
            group by a.province_code""";

    @Inject Pool pool;
    @Inject ProvinceRegister provinces;
    @Inject Scope scope;

    /** The view on {@code asOf} (default today), one row per province that has agencies, by province code. */
    public Uni<ProvinceOverdueReport> asOf(LocalDate asOf) {
        scope.requireNational("The national view of overdue reviews is for national-admin (Bộ Khoa học và Công nghệ); "
                + "a province's reviews are listed at /api/v1/review-tasks.");
        LocalDate day = asOf == null ? scope.today() : asOf;
        ProvinceSuccessions successions = provinces.successions();
        return pool.preparedQuery(PER_PROVINCE).execute(Tuple.of(day)).map(rows -> {
            Map<String, Totals> byProvince = new TreeMap<>();
            for (Row r : rows) {
                String code = r.getString("province_code");
                byProvince.computeIfAbsent(successions.current(code, day), Totals::new).add(code, r);
            }
            List<ProvinceOverdue> out = new ArrayList<>();
            byProvince.values().forEach(t -> out.add(t.row()));
            return new ProvinceOverdueReport(day, out);
        });
    }

    /** One province's counts, summed over its own agencies and those of the provinces merged into it. */
    private static final class Totals {
        private final String code;
        private final TreeSet<String> former = new TreeSet<>();
        private long agencies;
        private long open;
        private long overdue;
        private LocalDate oldest;

        Totals(String code) {
            this.code = code;
        }

        void add(String agencyProvince, Row r) {
            if (!agencyProvince.equals(code)) {
                former.add(agencyProvince);
            }
            agencies += r.getLong("agencies_overdue");
            open += r.getLong("open_tasks");
            overdue += r.getLong("overdue_tasks");
            LocalDate due = r.getLocalDate("oldest_due");
            if (due != null && (oldest == null || due.isBefore(oldest))) {
                oldest = due;
            }
        }

        ProvinceOverdue row() {
            return new ProvinceOverdue(code, List.copyOf(former), agencies, open, overdue, oldest);
        }
    }
}
