package vn.govqms.scoring.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.events.PoisonEventException;
import vn.govqms.kit.events.ReceivedEvent;
import vn.govqms.scoring.live.ScoreRecomputation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Indicators from document-service ({@code document.events}): QMS announcement and re-announcement,
 * procedure reviews (required, overdue, rescheduled, completed on time or late), documents issued, procedures in force
 * posted or not ({@link PostingTrack}: issued, posted, abolished). Each event
 * updates what it tracks (idempotent upserts); a run of events is logged and recomputes the live
 * scores of the agencies it moved once ({@link IndicatorHandler}).
 */
@Singleton // no client proxy: the shared base class has no no-args constructor
public class DocumentIndicators extends IndicatorHandler {

    static final String ANNOUNCED = EventTypes.of("document", "qms.announced");
    static final String REANNOUNCEMENT = EventTypes.of("document", "qms.reannouncement-required");
    static final String REVIEW_REQUIRED = EventTypes.of("document", "procedure-review.required");
    static final String REVIEW_OVERDUE = EventTypes.of("document", "procedure-review.overdue");
    static final String REVIEW_COMPLETED = EventTypes.of("document", "procedure-review.completed");
    static final String REVIEW_RESCHEDULED = EventTypes.of("document", "procedure-review.rescheduled");
    static final String ISSUED = EventTypes.of("document", "document.issued");
    static final String POSTED = EventTypes.of("document", "document.posted");
    static final String ABOLISHED = EventTypes.of("document", "document.abolished");

    public DocumentIndicators(IndicatorLog log, ScoreRecomputation scores, Clock clock) {
        super(log, scores, clock, ANNOUNCED, REANNOUNCEMENT, REVIEW_REQUIRED, REVIEW_OVERDUE, REVIEW_COMPLETED, REVIEW_RESCHEDULED,
                ISSUED, POSTED, ABOLISHED);
    }

    @Override
    Uni<List<Moved>> change(ReceivedEvent event, SqlConnection tx) {
        if (event.type().equals(REVIEW_REQUIRED)) {
            return reviewsRequired(List.of(event), tx).map(moved -> moved.get(0));
        }
        EventData d = new EventData(event);
        UUID agency = d.uuid("agencyId");
        OffsetDateTime now = now();
        LocalDate today = d.time(now).toLocalDate();
        Integer year = null;
        Integer previousYear = null;
        Uni<?> change;
        String summary;
        String type = event.type();
        if (type.equals(ANNOUNCED)) {
            LocalDate on = d.date("decisionDate") != null ? d.date("decisionDate") : today;
            change = tx.preparedQuery("insert into qms_state (agency_id, announced_on, reannouncement_pending, updated_at) values ($1, $2, false, $3) "
                    + "on conflict (agency_id) do update set announced_on = excluded.announced_on, reannouncement_pending = false, updated_at = $3")
                    .execute(Tuple.of(agency, on, now));
            summary = "Công bố HTQLCL phù hợp TCVN ISO 9001 (" + (d.text("decisionNumber") == null ? on : d.text("decisionNumber")) + ")";
        } else if (type.equals(REANNOUNCEMENT)) {
            change = tx.preparedQuery("insert into qms_state (agency_id, reannouncement_pending, updated_at) values ($1, true, $2) "
                    + "on conflict (agency_id) do update set reannouncement_pending = true, updated_at = $2").execute(Tuple.of(agency, now));
            summary = "Phải công bố lại HTQLCL" + (d.text("reason") == null ? "" : ": " + d.text("reason"));
        } else if (type.equals(REVIEW_OVERDUE)) {
            LocalDate due = required(d, "dueDate");
            year = due.getYear();
            change = tx.preparedQuery("insert into review_track (task_id, agency_id, due_date, status, updated_at) values ($1, $2, $3, 'OVERDUE', $4) "
                    + "on conflict (task_id) do update set status = 'OVERDUE', updated_at = $4 where review_track.status = 'OPEN'")
                    .execute(Tuple.of(d.uuid("taskId"), agency, due, now));
            summary = "Quá hạn rà soát quy trình " + nz(d.text("documentCode")) + " (hạn " + due + ")";
        } else if (type.equals(REVIEW_COMPLETED)) {
            LocalDate due = required(d, "dueDate");
            year = due.getYear();
            LocalDate resolved = d.date("resolvedAt") != null ? d.date("resolvedAt") : today;
            boolean onTime = d.bool("onTime") != null ? d.bool("onTime") : !resolved.isAfter(due);
            change = tx.preparedQuery("insert into review_track (task_id, agency_id, due_date, status, on_time, resolved_on, updated_at) "
                    + "values ($1, $2, $3, 'COMPLETED', $4, $5, $6) on conflict (task_id) do update set status = 'COMPLETED', "
                    + "on_time = excluded.on_time, resolved_on = excluded.resolved_on, updated_at = excluded.updated_at")
                    .execute(Tuple.from(new Object[] {d.uuid("taskId"), agency, due, onTime, resolved, now}));
            summary = "Hoàn thành rà soát quy trình " + (onTime ? "đúng hạn" : "trễ hạn") + " (hạn " + due + ")";
        } else if (type.equals(REVIEW_RESCHEDULED)) {
            // the change behind the review was re-dated: its due date moves, and an overdue review due again later is OPEN
            // again (document-service says which); a completed review keeps its history
            LocalDate due = required(d, "dueDate");
            LocalDate before = required(d, "previousDueDate");
            String status = d.requiredText("status");
            if (!status.equals("OPEN") && !status.equals("OVERDUE")) {
                throw new PoisonEventException(type + ": status is neither OPEN nor OVERDUE: " + status);
            }
            year = due.getYear();
            previousYear = before.getYear();
            change = tx.preparedQuery("insert into review_track (task_id, agency_id, due_date, status, updated_at) values ($1, $2, $3, $4, $5) "
                    + "on conflict (task_id) do update set due_date = excluded.due_date, status = excluded.status, updated_at = excluded.updated_at "
                    + "where review_track.status <> 'COMPLETED'")
                    .execute(Tuple.from(new Object[] {d.uuid("taskId"), agency, due, status, now}));
            summary = "Dời hạn rà soát quy trình " + nz(d.text("documentCode")) + " từ " + before + " sang " + due
                    + (status.equals("OPEN") ? " (chưa quá hạn)" : " (vẫn quá hạn)");
        } else if (type.equals(POSTED)) {
            change = PostingTrack.posted(tx, d.uuid("documentId"), required(d.integer("revision"), d), d.requiredText("channel"), now);
            summary = ("PORTAL".equals(d.text("channel")) ? "Đăng tải trên cổng thông tin điện tử " : "Niêm yết tại trụ sở ")
                    + nz(d.text("code")) + " (lần ban hành " + d.integer("revision") + ")";
        } else if (type.equals(ABOLISHED)) {
            change = PostingTrack.abolished(tx, d.uuid("documentId"), required(d.integer("revision"), d), now);
            summary = "Bãi bỏ tài liệu " + nz(d.text("code")) + " " + nz(d.text("title"));
        } else {
            LocalDate effective = d.date("effectiveDate") != null ? d.date("effectiveDate") : today;
            year = effective.getYear();
            Integer revision = d.integer("revision");
            int rev = revision == null ? 1 : revision;
            UUID document = d.uuid("documentId");
            change = tx.preparedQuery("insert into published_document (document_id, revision, agency_id, year) values ($1, $2, $3, $4) "
                    + "on conflict do nothing").execute(Tuple.of(document, rev, agency, year))
                    .chain(() -> PostingTrack.tracks(d.text("type"))
                            ? PostingTrack.issued(tx, document, agency, rev, d.text("code"), effective, now) : Uni.createFrom().voidItem());
            summary = "Ban hành tài liệu " + nz(d.text("code")) + " " + nz(d.text("title"));
        }
        Integer affected = year;
        String line = summary;
        Uni<UUID> previous = type.equals(REVIEW_OVERDUE) || type.equals(REVIEW_COMPLETED) || type.equals(REVIEW_RESCHEDULED)
                ? rehome(tx, d.uuid("taskId"), agency) : Uni.createFrom().nullItem();
        // a due date moved into another year changes the year it left too (an overdue review counts from its due date's year on)
        Integer left = previousYear == null || previousYear.equals(year) ? null : previousYear;
        return previous.chain(before -> change.map(done -> {
            List<Moved> moved = new ArrayList<>(4);
            moved.add(new Moved(agency, affected, line));
            if (left != null) {
                moved.add(new Moved(agency, left, line));
            }
            if (before != null) {
                moved.add(new Moved(before, affected, movedAway(d)));
            }
            return moved;
        }));
    }

    /** Review tasks come in thousands after a decree amendment: a run of them is stored set-based. */
    @Override
    Uni<List<List<Moved>>> changeAll(List<ReceivedEvent> sameType, SqlConnection tx) {
        if (!sameType.get(0).type().equals(REVIEW_REQUIRED)) {
            return super.changeAll(sameType, tx);
        }
        // a task named twice starts a new chunk: within a chunk every task is named once, so the chunks keep the order
        List<List<ReceivedEvent>> chunks = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (ReceivedEvent e : sameType) {
            UUID task = new EventData(e).uuid("taskId");
            if (chunks.isEmpty() || seen.contains(task)) {
                chunks.add(new ArrayList<>());
                seen.clear();
            }
            seen.add(task);
            chunks.get(chunks.size() - 1).add(e);
        }
        List<List<Moved>> out = new ArrayList<>(sameType.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<ReceivedEvent> chunk : chunks) {
            chain = chain.chain(() -> reviewsRequired(chunk, tx)).invoke(out::addAll).replaceWithVoid();
        }
        return chain.replaceWith(out);
    }

    /**
     * {@code procedure-review.required} events, each naming its task once: tasks tracked under another agency move to the
     * one named (one statement), new tasks are tracked (one statement). Returns, per event, the agencies it moved.
     */
    private Uni<List<List<Moved>>> reviewsRequired(List<ReceivedEvent> events, SqlConnection tx) {
        OffsetDateTime now = now();
        int n = events.size();
        UUID[] tasks = new UUID[n];
        UUID[] agencies = new UUID[n];
        LocalDate[] dues = new LocalDate[n];
        List<EventData> data = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EventData d = new EventData(events.get(i));
            data.add(d);
            agencies[i] = d.uuid("agencyId");
            tasks[i] = d.uuid("taskId");
            dues[i] = required(d, "dueDate");
        }
        return tx.preparedQuery("update review_track r set agency_id = x.agency_id from unnest($1::uuid[], $2::uuid[]) as x(task_id, agency_id), "
                        + "review_track o where r.task_id = x.task_id and o.task_id = r.task_id and r.agency_id <> x.agency_id "
                        + "and not exists (select 1 from agency_succession s where s.predecessor_id = x.agency_id) returning r.task_id, o.agency_id")
                .execute(Tuple.of(tasks, agencies))
                .chain(moved -> {
                    Map<UUID, UUID> left = new HashMap<>();
                    moved.forEach(r -> left.put(r.getUUID(0), r.getUUID(1)));
                    return tx.preparedQuery("insert into review_track (task_id, agency_id, due_date, status, updated_at) "
                                    + "select t, a, d, 'OPEN', $4 from unnest($1::uuid[], $2::uuid[], $3::date[]) as x(t, a, d) on conflict (task_id) do nothing")
                            .execute(Tuple.of(tasks, agencies, dues, now)).map(done -> {
                                List<List<Moved>> out = new ArrayList<>(n);
                                for (int i = 0; i < n; i++) {
                                    Moved here = new Moved(agencies[i], dues[i].getYear(),
                                            "Cần rà soát quy trình " + nz(data.get(i).text("documentCode")) + " trước " + dues[i]);
                                    UUID before = left.get(tasks[i]);
                                    out.add(before == null ? List.of(here) : List.of(here, new Moved(before, dues[i].getYear(), movedAway(data.get(i)))));
                                }
                                return out;
                            });
                });
    }

    /**
     * A change's fan-out names each procedure of an agency in an event of its own (a decree cited by 8 procedures: 8
     * events): the run logs one line per agency and change, at the place of its last event, instead of one per procedure
     * (the log keeps the last 20 lines of an agency, and writing 40,000 lines to keep 20 per agency was most of the log's work).
     */
    @Override
    List<IndicatorLog.Line> logged(List<IndicatorLog.Line> lines) {
        Map<List<Object>, List<IndicatorLog.Line>> changes = new LinkedHashMap<>();
        for (IndicatorLog.Line line : lines) {
            List<Object> key = change(line);
            if (key != null) {
                changes.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
            }
        }
        if (changes.values().stream().allMatch(c -> c.size() == 1)) {
            return lines;
        }
        List<IndicatorLog.Line> out = new ArrayList<>(lines.size());
        for (IndicatorLog.Line line : lines) {
            List<Object> key = change(line);
            List<IndicatorLog.Line> same = key == null ? List.of(line) : changes.get(key);
            if (same.size() == 1) {
                out.add(line);
            } else if (same.get(same.size() - 1) == line) {
                out.add(new IndicatorLog.Line(line.agency(), line.event(), reviewsRequired(same)));
            }
        }
        return out;
    }

    /** A required review's line for the agency it names (not the line of an agency the task left): its agency and change. */
    private static List<Object> change(IndicatorLog.Line line) {
        if (!line.event().type().equals(REVIEW_REQUIRED)) {
            return null;
        }
        EventData d = new EventData(line.event());
        String cause = d.text("causeId");
        return cause == null || !line.agency().equals(d.optionalUuid("agencyId")) ? null
                : List.of(line.agency(), cause, nz(d.text("causeKind")), nz(d.text("effectiveDate")));
    }

    /** "Cần rà soát 8 quy trình (QT-01, QT-02, …) trước 2030-10-01: Nghị định 61/2018/NĐ-CP được thay thế bởi 118/2025/NĐ-CP". */
    private static String reviewsRequired(List<IndicatorLog.Line> same) {
        StringBuilder codes = new StringBuilder();
        LocalDate due = null;
        String cause = null;
        for (int i = 0; i < same.size(); i++) {
            EventData d = new EventData(same.get(i).event());
            if (i < 10) {
                codes.append(i == 0 ? "" : ", ").append(nz(d.text("documentCode")).trim());
            } else if (i == 10) {
                codes.append(", …");
            }
            LocalDate own = d.date("dueDate");
            due = due == null || (own != null && own.isBefore(due)) ? own : due;
            cause = d.text("causeSummary");
        }
        return "Cần rà soát " + same.size() + " quy trình (" + codes + ") trước " + due + (cause == null ? "" : ": " + cause.trim());
    }

    /** The log line of the agency a review task left. */
    private static String movedAway(EventData d) {
        return "Chuyển việc rà soát quy trình " + nz(d.text("documentCode")).trim() + " sang cơ quan tiếp nhận tài liệu";
    }

    /**
     * A review task named by an event for another agency than the one it is tracked under (its document went
     * to another successor of a split) moves there, unless that agency has ended; returns the agency it left, or null.
     */
    private static Uni<UUID> rehome(SqlConnection tx, UUID task, UUID agency) {
        return tx.preparedQuery("update review_track r set agency_id = $2 from review_track o "
                        + "where r.task_id = $1 and o.task_id = r.task_id and r.agency_id <> $2 "
                        + "and not exists (select 1 from agency_succession s where s.predecessor_id = $2) returning o.agency_id")
                .execute(Tuple.of(task, agency)).map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }

    private static int required(Integer revision, EventData d) {
        if (revision == null) {
            d.requiredText("revision");
        }
        return revision;
    }

    private static LocalDate required(EventData d, String field) {
        LocalDate v = d.date(field);
        if (v == null) {
            d.requiredText(field);
        }
        return v;
    }
}
