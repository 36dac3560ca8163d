package vn.govqms.audit.plan;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
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

    private static final String COMPLETE = """
            with done as (
                update activity_item i set done_date = cast(?1 as date), evidence = cast(?2 as text), done_by = cast(?3 as text),
                       version = i.version + 1
                where i.id = (select i2.id from activity_item i2 join activity_plan p on p.id = i2.plan_id
                              where p.agency_id = cast(?4 as uuid) and p.year = cast(?5 as int) and p.status = 'APPROVED'
                                and i2.kind = cast(?6 as text) and i2.done_date is null
                              order by i2.planned_date, i2.id limit 1)
                returning i.id, i.plan_id, i.agency_id, i.kind, i.done_date
            )
            insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload)
            select gen_random_uuid()::text, 'audit.events', d.agency_id::text, cast(?7 as text), cast(?8 as text),
                   'activity-plans/' || d.plan_id || '/items/' || d.id, cast(?9 as timestamptz),
                   json_build_object('planId', d.plan_id, 'itemId', d.id, 'agencyId', d.agency_id, 'year', cast(?5 as int),
                                     'kind', d.kind, 'doneDate', d.done_date)::text
            from done d""";

    private final Outbox outbox;

    public PlanLinks(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Completes the earliest open activity of {@code kind}; nothing when the agency has no approved plan for the year. */
    public Uni<Void> complete(Mutiny.Session s, UUID agencyId, int year, ActivityKind kind, LocalDate doneDate, String evidence,
                              String who, OffsetDateTime now) {
        return s.createNativeQuery(COMPLETE)
                .setParameter(1, doneDate).setParameter(2, evidence).setParameter(3, who).setParameter(4, agencyId)
                .setParameter(5, year).setParameter(6, kind.name()).setParameter(7, PlanEvents.DONE)
                .setParameter(8, outbox.source()).setParameter(9, now)
                .executeUpdate().replaceWithVoid();
    }
}
