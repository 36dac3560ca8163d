package vn.govqms.notification.agency;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Mergers and splits from document-service ({@code agency.merged}, {@code agency.split}): whoever and whatever is told about
 * an ended agency is told about the agency that continues it (the successor of a merger, the primary successor of a split),
 * so that no deadline, reminder or escalation keeps going to the ended agency's people.
 * <ul>
 * <li>its contacts move to the successor; a person who is a contact of both is kept once, with the roles of both (the
 * notifications, rules and trainings that named the other record follow), except that a predecessor's head does not become the
 * successor's head when the successor has one;</li>
 * <li>its open due dates (reminders) and escalations move to the successor, whose head and steering committee they reach;</li>
 * <li>subscriptions narrowed to it follow when the successor is in the subscription's province;</li>
 * <li>the succession is kept ({@code agency_successor}), so an event that still names the ended agency later is told to the
 * successor's people (see the fan-out).</li>
 * </ul>
 * Each step is one statement over every predecessor; applying an event again finds nothing left to move.
 */
@ApplicationScoped
public class AgencyReorganisations implements EventHandler {

    public static final String MERGED = EventTypes.of("document", "agency.merged");
    public static final String SPLIT = EventTypes.of("document", "agency.split");

    /** Records who continues the ended agencies; agencies that an ended one continued now point at the new successor. */
    static final String SUCCESSION = """
            with recorded as (
              insert into agency_successor (predecessor_id, successor_id, effective_date, kind, recorded_at)
              select p, $2, $3, $4, $5 from unnest($1::uuid[]) p
              on conflict (predecessor_id) do update set successor_id = excluded.successor_id, effective_date = excluded.effective_date,
                                                         kind = excluded.kind
              returning predecessor_id)
            update agency_successor set successor_id = $2
            where successor_id = any ($1::uuid[]) and predecessor_id <> $2 and predecessor_id not in (select predecessor_id from recorded)""";

    /**
     * The contacts of the predecessors ({@code $1}) and the successor ({@code $2}), and for each person the one record kept
     * (the successor's, else the oldest).
     */
    static final String PEOPLE = """
            with moving as (
              select c.id, c.subject, c.agency_id, c.agency_id = $2 as at_successor, c.roles, c.email, c.created_at
              from contact c where c.agency_id = any ($1::uuid[]) or c.agency_id = $2
            ), kept as (
              select distinct on (subject) subject, id from moving order by subject, at_successor desc, created_at, id
            ), replaced as (
              select m.id as old_id, k.id as new_id from moving m join kept k on k.subject = m.subject where m.id <> k.id
            )
            """;

    /** Rules that name a record of a person kept under another now name that one. */
    static final String RULES = PEOPLE + """
            update notification_rule r set contact_id = x.new_id from replaced x where r.contact_id = x.old_id""";

    /** The notifications of a person's other records are theirs under the record kept (the inbox and e-mail history stay). */
    static final String NOTIFICATIONS = PEOPLE + """
            update notification n set contact_id = x.new_id from replaced x
            where n.contact_id = x.old_id
              and not exists (select 1 from notification o where o.event_id = n.event_id and o.contact_id = x.new_id and o.channel = n.channel)""";

    /**
     * The records kept become the successor's, with the roles of all of a person's records (a predecessor's HEAD only when the
     * successor has no head) and an e-mail address if any had one; each change is in the audit trail.
     */
    static final String CONTACTS = PEOPLE + """
            , headed as (
              select exists (select 1 from contact where agency_id = $2 and 'HEAD' = any (roles)) as yes
            ), merged as (
              select k.id, (select m.agency_id from moving m where m.id = k.id) as from_agency,
                     (select m.roles from moving m where m.id = k.id) as from_roles,
                     array(select distinct r from moving m cross join unnest(m.roles) r
                           where m.subject = k.subject and (m.at_successor or r <> 'HEAD' or not (select yes from headed)) order by r) as roles,
                     (select m.email from moving m where m.subject = k.subject and m.email is not null
                      order by m.at_successor desc, m.created_at limit 1) as email
              from kept k
            ), target as (
              select d.province_code, d.root_id from agency_directory d where d.id = $2
            ), moved as (
              update contact c set agency_id = $2, province_code = coalesce((select province_code from target), c.province_code),
                     roles = case when m.roles @> c.roles and m.roles <@ c.roles then c.roles else m.roles end,
                     email = coalesce(c.email, m.email), version = c.version + 1, updated_at = $3
              from merged m
              where c.id = m.id and (c.agency_id <> $2 or not (m.roles @> c.roles and m.roles <@ c.roles) or c.email is null and m.email is not null)
              returning c.id, c.province_code, c.roles, m.from_agency, m.from_roles
            )
            insert into audit_trail (resource_type, resource_id, agency_id, province_code, root_id, action, actor, at, changes)
            select 'contact', moved.id::text, $2, moved.province_code, (select root_id from target),
                   case when moved.from_agency = $2 then 'merged-with-predecessor-contact' else 'moved-to-successor' end, $4, $3,
                   jsonb_strip_nulls(jsonb_build_object(
                       'agencyId', case when moved.from_agency <> $2 then jsonb_build_object('from', moved.from_agency, 'to', $2) end,
                       'roles', case when moved.roles <> moved.from_roles then jsonb_build_object('from', moved.from_roles, 'to', moved.roles) end))::text
            from moved""";

    /**
     * A person kept under one record keeps the trainings of the others, and is the ISO officer since the earliest day any of
     * them was (after {@link #CONTACTS}, so that the record kept has the role).
     */
    static final String TRAININGS = PEOPLE + """
            , moved as (update contact_training t set contact_id = x.new_id from replaced x where t.contact_id = x.old_id returning 1)
            update contact c set iso_officer_since = s.since
            from (select x.new_id, min(o.iso_officer_since) as since
                  from replaced x join contact o on o.id = x.old_id where o.iso_officer_since is not null group by x.new_id) s
            where c.id = s.new_id and 'ISO_OFFICER' = any (c.roles) and (c.iso_officer_since is null or c.iso_officer_since > s.since)
              and (select count(*) from moved) >= 0""";

    /** Whatever is left of the predecessors' contacts is a person kept under another record. */
    static final String LEFT_OVER = "delete from contact where agency_id = any ($1::uuid[])";

    /** Open due dates and escalations: the successor's head, officers and steering committee are told from now on. */
    static final String ITEMS = """
            with d as (update deadline set agency_id = $2 where agency_id = any ($1::uuid[]) and closed_at is null returning 1),
            e as (update escalation set agency_id = $2 where agency_id = any ($1::uuid[]) and closed_at is null returning 1)
            select (select count(*) from d) as deadlines, (select count(*) from e) as escalations""";

    /** Subscriptions narrowed to an ended agency follow it when the successor is in their province. */
    static final String SUBSCRIPTIONS = """
            update webhook_subscription s set agency_id = $2, version = s.version + 1, updated_at = $3
            from agency_directory d
            where d.id = $2 and s.agency_id = any ($1::uuid[]) and s.province_code = d.province_code""";

    @Inject Clock clock;

    @Override
    public Set<String> eventTypes() {
        return Set.of(MERGED, SPLIT);
    }

    /** Ended agencies and the one that continues them. */
    record Succession(UUID[] predecessors, UUID successor, LocalDate effectiveDate, String kind) {
    }

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        Succession s = MERGED.equals(event.type()) ? merged(event.data()) : split(event.data());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = EventTypes.unversioned(event.type()).substring(EventTypes.PREFIX.length());
        Tuple ended = Tuple.of(s.predecessors(), s.successor());
        Tuple changed = Tuple.of(s.predecessors(), s.successor(), now);
        return tx.preparedQuery(SUCCESSION).execute(Tuple.of(s.predecessors(), s.successor(), s.effectiveDate(), s.kind(), now))
                .chain(() -> tx.preparedQuery(RULES).execute(ended))
                .chain(() -> tx.preparedQuery(NOTIFICATIONS).execute(ended))
                .chain(() -> tx.preparedQuery(CONTACTS).execute(Tuple.of(s.predecessors(), s.successor(), now, actor)))
                .chain(contacts -> tx.preparedQuery(TRAININGS).execute(ended).replaceWith(contacts))
                .chain(contacts -> tx.preparedQuery(LEFT_OVER).execute(Tuple.of((Object) s.predecessors()))
                        .chain(() -> tx.preparedQuery(ITEMS).execute(ended))
                        .chain(items -> tx.preparedQuery(SUBSCRIPTIONS).execute(changed).invoke(subscriptions -> {
                            var counts = items.iterator().next();
                            Log.infof("%s: %d agencies continued by %s; %d contacts, %d due dates, %d escalations, %d subscriptions moved",
                                    actor, s.predecessors().length, s.successor(), contacts.rowCount(), counts.getLong("deadlines"),
                                    counts.getLong("escalations"), subscriptions.rowCount());
                        })))
                .replaceWithVoid();
    }

    static Succession merged(JsonNode d) {
        UUID successor = uuid(d.get("successorId"), "agency.merged without a successorId UUID");
        JsonNode ids = d.get("predecessorIds");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new PoisonEventException("agency.merged without predecessorIds");
        }
        List<UUID> predecessors = new ArrayList<>();
        for (JsonNode id : ids) {
            UUID p = uuid(id, "agency.merged: predecessorIds holds a non-UUID");
            if (!p.equals(successor) && !predecessors.contains(p)) {
                predecessors.add(p);
            }
        }
        return new Succession(predecessors.toArray(UUID[]::new), successor, date(d, "agency.merged"), "MERGER");
    }

    /** A split: the successor marked primary (else the first, as document-service decides) continues the agency's people and items. */
    static Succession split(JsonNode d) {
        UUID source = uuid(d.get("predecessorId"), "agency.split without a predecessorId UUID");
        JsonNode parts = d.get("successors");
        if (parts == null || !parts.isArray() || parts.isEmpty()) {
            throw new PoisonEventException("agency.split without successors");
        }
        UUID primary = null;
        UUID first = null;
        for (JsonNode part : parts) {
            UUID successor = uuid(part.get("successorId"), "agency.split: a successor without a successorId UUID");
            if (successor.equals(source)) {
                throw new PoisonEventException("agency.split: the agency is its own successor");
            }
            first = first == null ? successor : first;
            if (primary == null && part.path("primary").asBoolean(false)) {
                primary = successor;
            }
        }
        return new Succession(new UUID[] {source}, primary != null ? primary : first, date(d, "agency.split"), "SPLIT");
    }

    private static UUID uuid(JsonNode value, String problem) {
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException(problem);
        }
    }

    private static LocalDate date(JsonNode d, String event) {
        JsonNode v = d.get("effectiveDate");
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new PoisonEventException(event + " without an effectiveDate");
        }
    }
}
