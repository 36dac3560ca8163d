package vn.govqms.scoring.indicator;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.UUID;

/**
 * Indicators from audit-service ({@code audit.events}): activity plans and their items, audits held,
 * management reviews, findings open and closed, corrective actions overdue and closed.
 */
@Singleton // no client proxy: the shared base class has no no-args constructor
public class AuditIndicators extends IndicatorHandler {

    static final String PLAN_APPROVED = EventTypes.of("audit", "activity-plan.approved");
    static final String ACTIVITY_OVERDUE = EventTypes.of("audit", "activity.overdue");
    static final String ACTIVITY_DONE = EventTypes.of("audit", "activity.done");
    static final String AUDIT_COMPLETED = EventTypes.of("audit", "audit.completed");
    static final String REVIEW_HELD = EventTypes.of("audit", "management-review.held");
    static final String FINDING_RAISED = EventTypes.of("audit", "finding.raised");
    static final String FINDING_CLOSED = EventTypes.of("audit", "finding.closed");
    static final String ACTION_OPENED = EventTypes.of("audit", "corrective-action.opened");
    static final String ACTION_OVERDUE = EventTypes.of("audit", "corrective-action.overdue");
    static final String ACTION_CLOSED = EventTypes.of("audit", "corrective-action.closed");

    public AuditIndicators(IndicatorLog log, ScoreRecomputation scores, Clock clock) {
        super(log, scores, clock, PLAN_APPROVED, ACTIVITY_OVERDUE, ACTIVITY_DONE, AUDIT_COMPLETED, REVIEW_HELD, FINDING_RAISED,
                FINDING_CLOSED, ACTION_OPENED, ACTION_OVERDUE, ACTION_CLOSED);
    }

    @Override
    Uni<List<Moved>> change(ReceivedEvent event, SqlConnection tx) {
        EventData d = new EventData(event);
        UUID agency = d.uuid("agencyId");
        OffsetDateTime now = now();
        LocalDate today = d.time(now).toLocalDate();
        String type = event.type();
        Integer year;
        Uni<?> change;
        String summary;
        if (type.equals(PLAN_APPROVED)) {
            year = year(d);
            change = plan(tx, d, agency, year);
            summary = "Kế hoạch hoạt động ISO năm " + year + " được phê duyệt";
        } else if (type.equals(ACTIVITY_OVERDUE) || type.equals(ACTIVITY_DONE)) {
            year = year(d);
            boolean done = type.equals(ACTIVITY_DONE);
            LocalDate doneOn = done ? (d.date("doneDate") != null ? d.date("doneDate") : today) : null;
            change = tx.preparedQuery("insert into activity_item (item_id, plan_id, agency_id, year, kind, title, planned_date, done_on, overdue) "
                            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (item_id) do update set "
                            + "done_on = coalesce(excluded.done_on, activity_item.done_on), overdue = activity_item.overdue or excluded.overdue")
                    .execute(Tuple.from(new Object[] {d.uuid("itemId"), d.uuid("planId"), agency, year, d.text("kind"), d.text("title"),
                            d.date("plannedDate"), doneOn, !done}));
            summary = done ? "Hoàn thành nội dung kế hoạch ISO " + nz(d.text("kind"))
                    : "Quá hạn nội dung kế hoạch ISO: " + nz(d.text("title"));
        } else if (type.equals(AUDIT_COMPLETED)) {
            year = year(d);
            change = tx.preparedQuery("insert into audit_held (audit_id, agency_id, kind, year, completed_on) values ($1, $2, $3, $4, $5) "
                    + "on conflict do nothing").execute(Tuple.from(new Object[] {d.uuid("auditId"), agency, d.requiredText("kind"), year,
                    d.date("completedOn")}));
            summary = ("INTERNAL_AUDIT".equals(d.text("kind")) ? "Đánh giá nội bộ" : "Kiểm tra, đánh giá " + d.text("kind"))
                    + " hoàn thành năm " + year;
        } else if (type.equals(REVIEW_HELD)) {
            LocalDate held = d.date("heldOn");
            year = d.integer("year") != null ? d.integer("year") : held != null ? held.getYear() : today.getYear();
            change = tx.preparedQuery("insert into management_review_held (review_id, agency_id, year, held_on) values ($1, $2, $3, $4) "
                    + "on conflict do nothing").execute(Tuple.of(d.uuid("reviewId"), agency, year, held));
            summary = "Xem xét của lãnh đạo năm " + year;
        } else if (type.equals(FINDING_RAISED)) {
            year = today.getYear();
            change = tx.preparedQuery("insert into finding_track (finding_id, agency_id, kind, raised_year) values ($1, $2, $3, $4) "
                    + "on conflict do nothing").execute(Tuple.of(d.uuid("findingId"), agency, d.requiredText("kind"), year));
            summary = "Phát hiện " + findingLabel(d.text("kind")) + (d.text("clause") == null ? "" : " (điều khoản " + d.text("clause") + ")");
        } else if (type.equals(FINDING_CLOSED)) {
            year = today.getYear();
            LocalDate closed = d.date("closedOn") != null ? d.date("closedOn") : today;
            change = tx.preparedQuery("insert into finding_track (finding_id, agency_id, kind, raised_year, closed_on) values ($1, $2, $3, $4, $5) "
                            + "on conflict (finding_id) do update set closed_on = excluded.closed_on")
                    .execute(Tuple.from(new Object[] {d.uuid("findingId"), agency, d.text("kind") == null ? "UNKNOWN" : d.text("kind"), year, closed}));
            summary = "Đóng " + findingLabel(d.text("kind"));
        } else if (type.equals(ACTION_OPENED) || type.equals(ACTION_OVERDUE)) {
            LocalDate due = d.date("dueDate");
            year = due != null ? due.getYear() : today.getYear();
            boolean overdue = type.equals(ACTION_OVERDUE);
            change = tx.preparedQuery("insert into action_track (action_id, agency_id, due_date, overdue) values ($1, $2, $3, $4) "
                            + "on conflict (action_id) do update set due_date = coalesce(excluded.due_date, action_track.due_date), "
                            + "overdue = action_track.overdue or excluded.overdue")
                    .execute(Tuple.of(d.uuid("actionId"), agency, due, overdue));
            summary = overdue ? "Hành động khắc phục quá hạn " + nz(d.text("daysOverdue")) + " ngày: " + nz(d.text("title"))
                    : "Mở hành động khắc phục: " + nz(d.text("title")) + " (hạn " + due + ")";
        } else {
            year = today.getYear();
            LocalDate closed = d.date("closedOn") != null ? d.date("closedOn") : today;
            change = tx.preparedQuery("insert into action_track (action_id, agency_id, closed_on) values ($1, $2, $3) "
                    + "on conflict (action_id) do update set closed_on = excluded.closed_on").execute(Tuple.of(d.uuid("actionId"), agency, closed));
            summary = "Đóng hành động khắc phục";
        }
        Integer affected = year;
        String line = summary;
        return change.map(done -> List.of(new Moved(agency, affected, line)));
    }

    private Uni<?> plan(SqlConnection tx, EventData d, UUID agency, int year) {
        UUID plan = d.uuid("planId");
        JsonNode items = d.node("items");
        List<UUID> ids = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                JsonNode id = item.get("itemId");
                if (id == null || id.isNull()) {
                    throw new PoisonEventException("activity-plan.approved: an item without itemId");
                }
                try {
                    ids.add(UUID.fromString(id.asText()));
                } catch (IllegalArgumentException e) {
                    throw new PoisonEventException("activity-plan.approved: itemId is not a UUID");
                }
                kinds.add(item.hasNonNull("kind") ? item.get("kind").asText() : null);
                titles.add(item.hasNonNull("title") ? item.get("title").asText() : null);
                LocalDate planned = null;
                if (item.hasNonNull("plannedDate")) {
                    try {
                        planned = LocalDate.parse(item.get("plannedDate").asText());
                    } catch (Exception e) {
                        throw new PoisonEventException("activity-plan.approved: plannedDate is not a date");
                    }
                }
                dates.add(planned);
            }
        }
        return tx.preparedQuery("insert into activity_plan (plan_id, agency_id, year, approved_at) values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(plan, agency, year, d.text("approvedAt") == null ? null : OffsetDateTime.parse(d.text("approvedAt"))))
                .chain(() -> tx.preparedQuery("insert into activity_item (item_id, plan_id, agency_id, year, kind, title, planned_date) "
                                + "select i, $2, $3, $4, k, t, p from unnest($1::uuid[], $5::text[], $6::text[], $7::date[]) as x(i, k, t, p) "
                                + "on conflict (item_id) do nothing")
                        .execute(Tuple.from(new Object[] {ids.toArray(new UUID[0]), plan, agency, year, kinds.toArray(new String[0]),
                                titles.toArray(new String[0]), dates.toArray(new LocalDate[0])})));
    }

    private static int year(EventData d) {
        Integer y = d.integer("year");
        if (y == null) {
            d.requiredText("year");
        }
        return y;
    }

    private static String findingLabel(String kind) {
        if (kind == null) {
            return "phát hiện đánh giá";
        }
        return switch (kind) {
            case "MAJOR_NONCONFORMITY" -> "điểm không phù hợp nặng";
            case "MINOR_NONCONFORMITY" -> "điểm không phù hợp nhẹ";
            case "OBSERVATION" -> "điểm cần lưu ý";
            default -> "cơ hội cải tiến";
        };
    }
}
