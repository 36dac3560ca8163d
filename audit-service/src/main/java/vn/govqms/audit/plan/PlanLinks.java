package vn.govqms.audit.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.kit.outbox.EventRows;
import vn.govqms.kit.outbox.Outbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Keeps plans current from what happens elsewhere in the service: a confirmed internal audit or a
 * recorded management review completes the earliest open activity of that kind in the agency's
 * approved plan of the year ({@code activity.done}), in the same transaction.
 */
@ApplicationScoped
public class PlanLinks {

    private static final String DONE = """
            done as (
                update activity_item i set done_date = cast(?1 as date), evidence = cast(?2 as text), done_by = cast(?3 as text),
                       version = i.version + 1
                where i.id = (select i2.id from activity_item i2 join activity_plan p on p.id = i2.plan_id
                              where p.agency_id = cast(?4 as uuid) and p.year = cast(?5 as int) and p.status = 'APPROVED'
                                and i2.kind = cast(?6 as text) and i2.done_date is null
                              order by i2.planned_date, i2.id limit 1)
                returning i.id, i.plan_id, i.agency_id, i.kind, i.done_date
            )""";

    /** The event's row: {@link PlanEvents.DoneData} of the item completed, if one was. */
    private static final String EVENTS = """
            select o.agency_id::text as message_key, 'activity-plans/' || o.plan_id || '/items/' || o.item_id as subject,
                   %s as payload
            from (select d.plan_id, d.id as item_id, d.agency_id, cast(?5 as int) as year, d.kind, d.done_date from done d) o"""
            .formatted(EventRows.payload(PlanEvents.DoneData.class, "o"));

    @Inject Outbox outbox;

    /** Completes the earliest open activity of {@code kind}; nothing when the agency has no approved plan for the year. */
    public Uni<Void> complete(Mutiny.Session s, UUID agencyId, int year, ActivityKind kind, LocalDate doneDate, String evidence,
                              String who, OffsetDateTime now) {
        return outbox.publish(s, EventRows.of(PlanEvents.TOPIC, PlanEvents.DONE, now).with(DONE).select(EVENTS)
                        .params(doneDate, evidence, who, agencyId, year, kind.name()))
                .replaceWithVoid();
    }
}
