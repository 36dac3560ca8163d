package vn.govqms.audit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.audit.AuditConfig;
import vn.govqms.audit.agency.AgencyLookup;
import vn.govqms.audit.report.ReportDtos.MinistryReport;
import vn.govqms.audit.report.ReportDtos.MissingProvince;
import vn.govqms.audit.report.ReportDtos.MissingReports;
import vn.govqms.audit.report.ReportDtos.NewSubmission;
import vn.govqms.audit.report.ReportDtos.Submission;
import vn.govqms.audit.report.ReportDtos.SubmissionSummary;
import vn.govqms.audit.report.ReportDtos.Summary;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.kit.province.ProvinceSuccessions;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.time.ClockProducer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The yearly reports each province owes (the November summary, the December report to the Ministry of Science and
 * Technology), as submitted: a province's steering committee submits a report as it reads at that moment (stored with
 * who and when); a correction is a new submission with the next number, the earlier ones kept. The national level reads
 * them all and sees which provinces have not submitted by the deadline.
 */
@ApplicationScoped
public class ReportSubmissions {

    public static final String SUBMITTED = EventTypes.of("audit", "ministry-report.submitted");
    public static final String SUMMARY_SUBMITTED = EventTypes.of("audit", "province-summary.submitted");

    /** {@code ministry-report.submitted}: a summary of what was submitted; the report itself is read through the API. */
    public record SubmittedData(UUID submissionId, String provinceCode, int year, int number, String submittedBy,
                                OffsetDateTime submittedAt, String note, long agencies, long announced, long internalAuditsHeld,
                                long managementReviewsHeld) {
    }

    /** {@code province-summary.submitted}: a summary of what was submitted; the summary itself is read through the API. */
    public record SummarySubmittedData(UUID submissionId, String provinceCode, int year, int number, String submittedBy,
                                       OffsetDateTime submittedAt, String note, long agencies, long inspected, long inspectedOnSite,
                                       long inspectedByRecords, long correctiveReportsOwed, long correctiveReportsAccepted,
                                       long correctiveReportsOverdue) {
    }

    private static final String INSERT = """
            insert into report_submission (id, report_kind, province_code, year, number, note, report, submitted_by, submitted_at)
            select $1, $8, $2, $3, coalesce(max(s.number), 0) + 1, $4, $5, $6, $7
            from report_submission s where s.province_code = $2 and s.year = $3 and s.report_kind = $8
            returning number""";

    private static final String COLUMNS = "s.id, s.province_code, s.year, s.number, s.note, s.submitted_by, s.submitted_at";

    /** Provinces with agencies in the directory on the deadline, and those of them with no submission by then. */
    private static final String EXPECTED = """
            select e.province_code, e.agencies,
                   exists (select 1 from report_submission s where s.province_code = e.province_code and s.year = $1
                           and s.report_kind = $5 and s.submitted_at < $3) as on_time,
                   (select min(s.submitted_at) from report_submission s
                    where s.province_code = e.province_code and s.year = $1 and s.report_kind = $5) as first_submitted_at
            from (select a.province_code, count(*) as agencies from agency_directory a
                  where a.province_code <> $4 and (a.valid_from is null or a.valid_from <= $2)
                    and (a.valid_to is null or a.valid_to >= $2)
                  group by a.province_code) e
            order by e.province_code""";

    @Inject Pool pool;
    @Inject ReportService reports;
    @Inject UnitOfWork work;
    @Inject ObjectMapper json;
    @Inject Clock clock;
    @Inject AuditConfig config;
    @Inject ProvinceRegister provinces;
    @Inject Scope scope;

    /** The caller's province submits its report of {@code kind} and {@code in.year()} as it reads now. */
    public Uni<Submission> submit(ReportKind kind, NewSubmission in, Caller caller) {
        String province = scope.ownProvince();
        scope.requireProvinceWrite(province);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (in.year() > now.getYear()) {
            throw ProblemException.invalidField("year", "a year's report is submitted during that year or later, not before (" + now.getYear() + " at most)");
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
        UUID id = UUID.randomUUID();
        return pool.withTransaction(tx -> content(tx, kind, province, in.year()).chain(report -> {
            JsonNode content = json.valueToTree(report);
            return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {id, province, in.year(), note,
                            new JsonObject(json.convertValue(content, Map.class)), caller.subject(), now, kind.name()}))
                    .map(rows -> rows.iterator().next().getInteger("number"))
                    .chain(number -> work.record(tx, Outcome.of(TrailEntry.on(kind.path() + "-submission", id, AgencyLookup.province(province))
                                            .did("submitted", caller.subject(), null, Map.of("year", in.year(), "number", number, "agencies", agencies(report))),
                                    OutgoingEvent.of("audit.events", province, kind == ReportKind.MINISTRY_REPORT ? SUBMITTED : SUMMARY_SUBMITTED,
                                            kind.path() + "-submissions/" + id, now, data(report, id, province, in.year(), number, caller, now, note))))
                            .map(x -> new Submission(id, province, in.year(), number, note, caller.subject(), now, content)));
        }));
    }

    private Uni<Object> content(SqlClient tx, ReportKind kind, String province, int year) {
        return kind == ReportKind.MINISTRY_REPORT ? reports.ministry(tx, province, year).map(r -> (Object) r)
                : reports.summary(tx, province, year).map(r -> (Object) r);
    }

    private static long agencies(Object report) {
        return report instanceof MinistryReport m ? m.agencies() : ((Summary) report).agencies();
    }

    private static Object data(Object report, UUID id, String province, int year, int number, Caller caller, OffsetDateTime now,
                               String note) {
        if (report instanceof MinistryReport m) {
            return new SubmittedData(id, province, year, number, caller.subject(), now, note, m.agencies(), m.announced(),
                    m.internalAuditsHeld(), m.managementReviewsHeld());
        }
        Summary s = (Summary) report;
        return new SummarySubmittedData(id, province, year, number, caller.subject(), now, note, s.agencies(), s.inspected(),
                s.inspectedOnSite(), s.inspectedByRecords(), s.correctiveReports().owed(), s.correctiveReports().accepted(),
                s.correctiveReports().overdue());
    }

    /**
     * Submissions, newest first: of {@code provinceCode} when given (the caller must read that province's records),
     * else of every province the caller reads (the national level: all).
     */
    public Uni<Page<SubmissionSummary>> list(ReportKind kind, String provinceCode, Integer year, PageRequest page) {
        String[] codes;
        if (provinceCode != null) {
            scope.requireProvinceRead(provinceCode);
            codes = new String[] {provinceCode};
        } else {
            codes = scope.isNational() ? null : scope.readableProvinces().toArray(new String[0]);
        }
        return pool.preparedQuery("select " + COLUMNS + ", (s.report ->> 'agencies')::bigint as agencies, count(*) over () as total "
                        + "from report_submission s where ($1::text[] is null or s.province_code = any($1)) "
                        + "and ($2::int is null or s.year = $2) and s.report_kind = $5 order by s.submitted_at desc, s.id limit $3 offset $4")
                .execute(Tuple.from(new Object[] {codes, year, page.size(), page.offset(), kind.name()}))
                .map(rows -> {
                    List<SubmissionSummary> items = new ArrayList<>();
                    long total = 0;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        items.add(new SubmissionSummary(r.getUUID("id"), r.getString("province_code"), r.getInteger("year"),
                                r.getInteger("number"), r.getString("note"), r.getString("submitted_by"), submittedAt(r),
                                r.getLong("agencies")));
                    }
                    return Page.of(items, page, total);
                });
    }

    public Uni<Submission> get(ReportKind kind, UUID id) {
        return pool.preparedQuery("select " + COLUMNS + ", s.report::text as report from report_submission s where s.id = $1 and s.report_kind = $2")
                .execute(Tuple.of(id, kind.name())).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound(kind.path() + " submission", id);
                    }
                    Row r = rows.iterator().next();
                    scope.requireProvinceRead(r.getString("province_code"));
                    return new Submission(r.getUUID("id"), r.getString("province_code"), r.getInteger("year"), r.getInteger("number"),
                            r.getString("note"), r.getString("submitted_by"), submittedAt(r), tree(r.getString("report")));
                });
    }

    /** The provinces expected to report {@code kind} for {@code year} that have no submission on or before the deadline. */
    public Uni<MissingReports> missing(ReportKind kind, int year) {
        LocalDate deadline = kind.deadline(config, year);
        OffsetDateTime dayAfter = deadline.plusDays(1).atStartOfDay(ClockProducer.VIETNAM).toOffsetDateTime();
        ProvinceSuccessions successions = provinces.successions();
        return pool.preparedQuery(EXPECTED).execute(Tuple.of(year, deadline, dayAfter, AgencyRef.CENTRAL, kind.name())).map(rows -> {
            List<MissingProvince> missing = new ArrayList<>();
            long expected = 0;
            for (Row r : rows) {
                String code = r.getString("province_code");
                if (successions.hasEnded(code, deadline)) {
                    continue;
                }
                expected++;
                if (!r.getBoolean("on_time")) {
                    missing.add(new MissingProvince(code, r.getLong("agencies"), offset(r.getOffsetDateTime("first_submitted_at"))));
                }
            }
            return new MissingReports(year, deadline, expected, expected - missing.size(), missing);
        });
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report unreadable: " + e.getMessage(), e);
        }
    }

    private OffsetDateTime submittedAt(Row r) {
        return offset(r.getOffsetDateTime("submitted_at"));
    }

    /** Times as the clock gives them (Vietnam's offset), not as the database returns them (UTC). */
    private OffsetDateTime offset(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
