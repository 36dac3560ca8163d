package vn.govqms.audit.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.audit.correctivereport.CorrectiveReportStatus;
import vn.govqms.audit.internalaudit.AuditMode;
import vn.govqms.audit.internalaudit.AuditStatus;
import vn.govqms.audit.report.ReportDtos.CorrectiveReports;
import vn.govqms.audit.report.ReportDtos.MinistryReport;
import vn.govqms.audit.report.ReportDtos.MinistryRow;
import vn.govqms.audit.report.ReportDtos.Summary;
import vn.govqms.audit.report.ReportDtos.SummaryRow;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.kit.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The November province-wide summary and the December report to the Ministry of Science and Technology, set-based. A
 * province's report of a year covers the agencies that existed during the year in the province and in the provinces
 * merged into it by the year's end (Bắc Ninh's report of 2025 includes the former Bắc Ninh's agencies).
 */
@ApplicationScoped
public class ReportService {

    private static final String AGENCIES = """
            where a.province_code = any($1)
              and (a.valid_to is null or a.valid_to >= make_date($2, 1, 1))
              and (a.valid_from is null or a.valid_from <= make_date($2, 12, 31))""";

    private static final String SUMMARY = """
            select a.id, a.code, a.name, i.mode, i.status,
                   coalesce(f.major, 0) as major, coalesce(f.minor, 0) as minor, coalesce(f.obs, 0) as obs, coalesce(f.ofi, 0) as ofi,
                   coalesce(c.open, 0) as open, coalesce(c.overdue, 0) as overdue, cr.status as report_status, cr.due_date as report_due
            from agency_directory a
            left join lateral (select au.mode, au.status from audit au
                               where au.agency_id = a.id and au.year = $2 and au.kind = 'PROVINCIAL_INSPECTION'
                               order by au.planned_start desc, au.id limit 1) i on true
            left join lateral (select count(*) filter (where f.kind = 'MAJOR_NONCONFORMITY') as major,
                                      count(*) filter (where f.kind = 'MINOR_NONCONFORMITY') as minor,
                                      count(*) filter (where f.kind = 'OBSERVATION') as obs,
                                      count(*) filter (where f.kind = 'OPPORTUNITY_FOR_IMPROVEMENT') as ofi
                               from finding f join audit au on au.id = f.audit_id
                               where f.agency_id = a.id and au.year = $2) f on true
            left join lateral (select count(*) filter (where ca.status in ('OPEN', 'IN_PROGRESS', 'IMPLEMENTED')) as open,
                                      count(*) filter (where ca.status in ('OPEN', 'IN_PROGRESS') and ca.due_date < $3) as overdue
                               from corrective_action ca where ca.agency_id = a.id) c on true
            left join lateral (select r.status, r.due_date from corrective_report r where r.agency_id = a.id and r.year = $2
                               order by r.due_date desc, r.id limit 1) cr on true
            %s
            order by a.code, a.id""".formatted(AGENCIES);

    private static final String MINISTRY = """
            select a.id, a.code, a.name, an.decision_number, an.decision_date, an.standard_edition,
                   exists (select 1 from audit au where au.agency_id = a.id and au.year = $2 and au.kind = 'INTERNAL_AUDIT'
                           and au.status in ('REPORTED', 'CLOSED')) as internal_audit,
                   exists (select 1 from management_review r where r.agency_id = a.id and r.year = $2) as review,
                   (select count(*) from procedure_review p where p.agency_id = a.id and p.status = 'COMPLETED' and p.on_time
                           and extract(year from p.resolved_at) = $2) as on_time,
                   (select count(*) from procedure_review p where p.agency_id = a.id and p.status = 'COMPLETED' and not p.on_time
                           and extract(year from p.resolved_at) = $2) as late,
                   (select count(*) from procedure_review p where p.agency_id = a.id and p.status <> 'COMPLETED'
                           and p.due_date < $3) as overdue
            from agency_directory a
            left join agency_announcement an on an.agency_id = a.id
            %s
            order by a.code, a.id""".formatted(AGENCIES);

    @Inject Pool pool;
    @Inject Clock clock;
    @Inject ProvinceRegister provinces;
    @Inject Scope scope;

    /**
     * The province whose reports are asked for: {@code requested}, or the caller's own when none is named (the national
     * level names one); 403 unless the caller reads that province's records.
     */
    public String readableProvince(String requested) {
        if (requested == null && scope.isNational()) {
            throw ProblemException.invalidField("provinceCode", "is required at the national level");
        }
        String province = requested == null ? scope.ownProvince() : requested;
        scope.requireProvinceRead(province);
        return province;
    }

    public Uni<Summary> summary(String province, int year) {
        return summary(pool, province, year);
    }

    /** The November summary as of now, read through {@code client} (a transaction that stores it as submitted). */
    public Uni<Summary> summary(SqlClient client, String province, int year) {
        LocalDate today = LocalDate.now(clock);
        return client.preparedQuery(SUMMARY).execute(Tuple.of(covered(province, year), year, today)).map(rows -> {
            List<SummaryRow> out = new ArrayList<>();
            long inspected = 0, onSite = 0, owed = 0, submitted = 0, accepted = 0, late = 0;
            for (Row r : rows) {
                String mode = r.getString("mode");
                String status = r.getString("status");
                boolean done = AuditStatus.REPORTED.name().equals(status) || AuditStatus.CLOSED.name().equals(status);
                inspected += done ? 1 : 0;
                onSite += done && AuditMode.ON_SITE.name().equals(mode) ? 1 : 0;
                String reportStatus = r.getString("report_status");
                LocalDate reportDue = r.getLocalDate("report_due");
                CorrectiveReportStatus rs = reportStatus == null ? null : CorrectiveReportStatus.valueOf(reportStatus);
                boolean reportLate = rs != null && rs.owed() && reportDue.isBefore(today);
                owed += rs == null ? 0 : 1;
                submitted += rs == CorrectiveReportStatus.SUBMITTED ? 1 : 0;
                accepted += rs == CorrectiveReportStatus.ACCEPTED ? 1 : 0;
                late += reportLate ? 1 : 0;
                out.add(new SummaryRow(r.getUUID("id"), r.getString("code"), r.getString("name"), mode, status, r.getLong("major"),
                        r.getLong("minor"), r.getLong("obs"), r.getLong("ofi"), r.getLong("open"), r.getLong("overdue"), reportStatus,
                        reportDue, reportLate));
            }
            return new Summary(province, year, today, out.size(), inspected, onSite, inspected - onSite,
                    new CorrectiveReports(owed, submitted, accepted, late), out);
        });
    }

    public Uni<MinistryReport> ministry(String province, int year) {
        return ministry(pool, province, year);
    }

    /** The December report as of now, read through {@code client} (a transaction that stores it as submitted). */
    public Uni<MinistryReport> ministry(SqlClient client, String province, int year) {
        LocalDate today = LocalDate.now(clock);
        return client.preparedQuery(MINISTRY).execute(Tuple.of(covered(province, year), year, today)).map(rows -> {
            List<MinistryRow> out = new ArrayList<>();
            long announced = 0, audits = 0, reviews = 0;
            for (Row r : rows) {
                boolean isAnnounced = r.getString("decision_number") != null;
                boolean audit = r.getBoolean("internal_audit");
                boolean review = r.getBoolean("review");
                announced += isAnnounced ? 1 : 0;
                audits += audit ? 1 : 0;
                reviews += review ? 1 : 0;
                out.add(new MinistryRow(r.getUUID("id"), r.getString("code"), r.getString("name"), isAnnounced,
                        r.getString("decision_number"), r.getLocalDate("decision_date"), r.getString("standard_edition"), audit, review,
                        r.getLong("on_time"), r.getLong("late"), r.getLong("overdue")));
            }
            return new MinistryReport(province, year, today, out.size(), announced, audits, reviews, out);
        });
    }

    /** The name of the province's Department of Science and Technology in the directory (the reports' issuer), or null. */
    public Uni<String> scienceDepartment(String province) {
        return pool.preparedQuery("""
                        select a.name from agency_directory a where a.province_code = $1 and a.level = 'DEPARTMENT'
                          and a.name ilike 'Sở Khoa học và Công nghệ%' and (a.valid_to is null or a.valid_to >= $2)
                        order by a.valid_from desc nulls last, a.id limit 1""")
                .execute(Tuple.of(province, LocalDate.now(clock)))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("name"));
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The province and those merged into it by the end of {@code year}. */
    private String[] covered(String province, int year) {
        return provinces.successions().withPredecessors(province, LocalDate.of(year, 12, 31)).toArray(new String[0]);
    }
}
