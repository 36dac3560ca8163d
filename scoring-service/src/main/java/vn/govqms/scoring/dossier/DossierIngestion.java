package vn.govqms.scoring.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.scoring.dossier.DossierDtos.ItemError;
import vn.govqms.scoring.live.DeferredRecomputation;
import vn.govqms.scoring.live.ScoreRecomputation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Stores batches of dossier status events: each item checked on its own (bad ones reported, good ones
 * kept), all good ones in one statement that is idempotent per dossier code + status + time and
 * that also moves each dossier's current state; the agencies touched whose live score or quality objectives
 * can depend on the on-time dossier rate (a criteria set in force in their province uses it, or an objective
 * is bound to it) are marked for a recomputation in the same transaction, done within about a second by
 * {@link DeferredRecomputation}. Activating a set recomputes its province anyway, so no agency is missed.
 */
@ApplicationScoped
public class DossierIngestion {

    public static final int MAX_BATCH = 5_000;
    static final Set<String> STATUSES = Set.of("RECEIVED", "RESOLVED", "RETURNED", "WITHDRAWN");
    static final Set<String> CHANNELS = Set.of("ONLINE", "DIRECT", "POST");

    private static final String INGEST = """
            with input as (
                select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[],
                                     $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
                    as t(dossier_code, status, occurred_at, agency_id, tthc_code, channel, received_at, due_at, resolved_at, apology_due_at)
            ), fresh as (
                insert into dossier_event (dossier_code, status, occurred_at, agency_id, tthc_code, channel, received_at, due_at, resolved_at,
                                           apology_due_at)
                select * from input on conflict do nothing
                returning dossier_code, status, occurred_at, agency_id, tthc_code, channel, received_at, due_at, resolved_at, apology_due_at
            ), agg as (
                -- the latest event of a dossier names its agency, procedure, channel and status: one sort for all of them
                select distinct on (dossier_code) dossier_code, agency_id, tthc_code, channel, status,
                       max(occurred_at) over w as last_at, min(received_at) over w as received_at, min(due_at) over w as due_at,
                       max(resolved_at) over w as resolved_at, count(apology_due_at) over w as apologies,
                       max(apology_due_at) over w as new_due_at
                from fresh window w as (partition by dossier_code)
                order by dossier_code, occurred_at desc
            ), upserted as (
                insert into dossier as d (code, agency_id, tthc_code, channel, status, received_at, due_at, resolved_at, apology_count,
                                          new_due_at, last_event_at)
                select dossier_code, agency_id, tthc_code, channel, status, received_at, due_at, resolved_at, apologies, new_due_at, last_at
                from agg
                on conflict (code) do update set
                    status = case when excluded.last_event_at >= d.last_event_at then excluded.status else d.status end,
                    agency_id = case when excluded.last_event_at >= d.last_event_at then excluded.agency_id else d.agency_id end,
                    tthc_code = case when excluded.last_event_at >= d.last_event_at then excluded.tthc_code else d.tthc_code end,
                    received_at = coalesce(least(d.received_at, excluded.received_at), d.received_at, excluded.received_at),
                    due_at = coalesce(d.due_at, excluded.due_at),
                    resolved_at = coalesce(excluded.resolved_at, d.resolved_at),
                    apology_count = d.apology_count + excluded.apology_count,
                    new_due_at = coalesce(excluded.new_due_at, d.new_due_at),
                    last_event_at = greatest(d.last_event_at, excluded.last_event_at)
                returning d.agency_id
            ), touched as (
                select distinct agency_id from upserted
            ), counting as materialized (
                -- provinces ('*': all) where a criteria set in force may score the on-time rate; materialized: inlined, it was
                -- one scan of every set's definition per dossier of the batch, half of the statement's time
                select distinct coalesce(c.province_code, '*') as province_code from criteria_set c
                where c.status = 'ACTIVE' and c.definition @> '{"groups":[{"criteria":[{"indicator":"DOSSIER_ON_TIME_RATE"}]}]}'
            )
            select (select count(*) from fresh) as inserted,
                   (select array_agg(t.agency_id) from touched t join agency_directory d on d.id = t.agency_id
                    where exists (select 1 from counting c where c.province_code in ('*', d.province_code))
                       or exists (select 1 from quality_objective o where o.agency_id = t.agency_id and o.kpi = 'DOSSIER_ON_TIME_RATE')) as agencies""";

    @Inject Pool pool;
    @Inject ScoreRecomputation scores;
    @Inject DeferredRecomputation pending;
    @Inject DossierDueDates dueDates;

    /** A checked item before its agency is known. */
    private record Candidate(int index, String code, UUID agencyId, String agencyCode, String tthc, String channel, String status,
                             OffsetDateTime occurred, OffsetDateTime received, OffsetDateTime due, OffsetDateTime resolved,
                             OffsetDateTime apology) {
    }

    private record Agency(UUID id, String code, String province, UUID rootId, LocalDate validTo) {
        AgencyRef ref() {
            return new AgencyRef(id, province, rootId, validTo);
        }
    }

    /** Who sent an item: the agencies it may report on, and how a refusal names it. */
    public record Sender(AgencyFilter reportsOn, String described) {
    }

    /** Checks and stores {@code items} of a REST batch; {@code senders} are the agencies its token reports on ({@code Scope.rows()}). */
    public Uni<DossierDtos.Result> ingest(List<JsonNode> items, AgencyFilter senders) {
        Sender token = new Sender(senders, "your token");
        return ingest(items, i -> token);
    }

    /**
     * Checks and stores {@code items}; {@code senders} gives the sender of each item by its index (a REST batch: the token's
     * province; a Kafka poll: each record's producing system's province).
     */
    public Uni<DossierDtos.Result> ingest(List<JsonNode> items, IntFunction<Sender> senders) {
        List<ItemError> errors = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Candidate c = check(i, items.get(i), errors);
            if (c != null) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(new DossierDtos.Result(items.size(), 0, 0, rejected(errors), sorted(errors)));
        }
        Set<UUID> ids = new HashSet<>();
        Set<String> codes = new HashSet<>();
        candidates.forEach(c -> {
            if (c.agencyId() != null) {
                ids.add(c.agencyId());
            } else {
                codes.add(c.agencyCode());
            }
        });
        return pool.preparedQuery("select id, code, province_code, root_id, valid_to from agency_directory where id = any($1) or code = any($2)")
                .execute(Tuple.of(ids.toArray(new UUID[0]), codes.toArray(new String[0])))
                .chain(rows -> {
                    Map<UUID, Agency> byId = new HashMap<>();
                    Map<String, Agency> byCode = new HashMap<>();
                    for (Row r : rows) {
                        Agency a = new Agency(r.getUUID(0), r.getString(1), r.getString(2), r.getUUID(3), r.getLocalDate(4));
                        byId.put(a.id(), a);
                        byCode.putIfAbsent(a.code(), a);
                    }
                    List<DossierItem> good = new ArrayList<>();
                    for (Candidate c : candidates) {
                        Agency a = c.agencyId() != null ? byId.get(c.agencyId()) : byCode.get(c.agencyCode());
                        String field = c.agencyId() != null ? "agencyId" : "agencyCode";
                        if (a == null) {
                            errors.add(new ItemError(c.index(), c.code(), field, "no agency " + (c.agencyId() != null ? c.agencyId() : c.agencyCode())
                                    + " is known"));
                        } else if (!senders.apply(c.index()).reportsOn().admits(a.ref())) {
                            errors.add(new ItemError(c.index(), c.code(), field, "agency " + a.code() + " (province " + a.province()
                                    + ") is outside what " + senders.apply(c.index()).described() + " reports on"));
                        } else {
                            good.add(new DossierItem(c.code(), c.status(), c.occurred(), a.id(), c.tthc(), c.channel(), c.received(), c.due(),
                                    c.resolved(), c.apology()));
                        }
                    }
                    if (good.isEmpty()) {
                        return Uni.createFrom().item(new DossierDtos.Result(items.size(), 0, 0, rejected(errors), sorted(errors)));
                    }
                    // a dossier sent without its due date gets the one its procedure's processing time gives
                    return dueDates.fill(good).chain(filled -> pool.withTransaction(tx -> store(tx, filled)))
                            .map(inserted -> new DossierDtos.Result(items.size(), inserted, good.size() - inserted, rejected(errors),
                                    sorted(errors)));
                });
    }

    /** Stores checked items in one statement and recomputes the agencies touched; returns how many events were new. */
    public Uni<Integer> store(SqlConnection tx, List<DossierItem> items) {
        int n = items.size();
        String[] code = new String[n], status = new String[n], tthc = new String[n], channel = new String[n];
        UUID[] agency = new UUID[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n], received = new OffsetDateTime[n], due = new OffsetDateTime[n],
                resolved = new OffsetDateTime[n], apology = new OffsetDateTime[n];
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < n; i++) {
            DossierItem d = items.get(i);
            code[i] = d.dossierCode();
            status[i] = d.status();
            occurred[i] = d.occurredAt();
            agency[i] = d.agencyId();
            tthc[i] = d.tthcCode();
            channel[i] = d.channel();
            received[i] = d.receivedAt();
            due[i] = d.dueAt();
            resolved[i] = d.resolvedAt();
            apology[i] = d.apologyNewDueAt();
            if (d.resolvedAt() != null) {
                years.add(d.resolvedAt().getYear());
            }
        }
        return tx.preparedQuery(INGEST).execute(Tuple.from(new Object[] {code, status, occurred, agency, tthc, channel, received, due, resolved,
                        apology}))
                .chain(rows -> {
                    Row r = rows.iterator().next();
                    int inserted = (int) r.getLong("inserted").longValue();
                    UUID[] touched = r.getArrayOfUUIDs("agencies");
                    if (touched == null || touched.length == 0) {
                        return Uni.createFrom().item(inserted);
                    }
                    years.add(scores.currentYear());
                    return pending.mark(tx, List.of(touched), new ArrayList<>(years), DossierEvents.TYPE).replaceWith(inserted);
                });
    }

    private static Candidate check(int index, JsonNode item, List<ItemError> errors) {
        if (item == null || !item.isObject()) {
            errors.add(new ItemError(index, null, "", "an item is a JSON object"));
            return null;
        }
        int before = errors.size();
        String code = text(index, item, "dossierCode", errors);
        if (code == null ? !item.hasNonNull("dossierCode") : code.isBlank() || code.length() > 100) {
            errors.add(new ItemError(index, code, "dossierCode", "required, at most 100 characters"));
        }
        UUID agencyId = null;
        String agencyCode = text(index, item, "agencyCode", errors);
        String idText = text(index, item, "agencyId", errors);
        if (idText != null) {
            try {
                agencyId = UUID.fromString(idText);
            } catch (IllegalArgumentException e) {
                errors.add(new ItemError(index, code, "agencyId", "a UUID"));
            }
        } else if (agencyCode == null ? !item.hasNonNull("agencyCode") : agencyCode.isBlank()) {
            errors.add(new ItemError(index, code, "agencyCode", "agencyCode or agencyId is required"));
        }
        String tthc = text(index, item, "tthcCode", errors);
        if (tthc == null ? !item.hasNonNull("tthcCode") : tthc.isBlank() || tthc.length() > 100) {
            errors.add(new ItemError(index, code, "tthcCode", "required, at most 100 characters"));
        }
        String channel = text(index, item, "channel", errors);
        if (channel == null ? !item.hasNonNull("channel") : !CHANNELS.contains(channel)) {
            errors.add(new ItemError(index, code, "channel", "one of DIRECT, ONLINE, POST"));
        }
        String status = text(index, item, "status", errors);
        if (status == null ? !item.hasNonNull("status") : !STATUSES.contains(status)) {
            errors.add(new ItemError(index, code, "status", "one of RECEIVED, RESOLVED, RETURNED, WITHDRAWN"));
        }
        OffsetDateTime occurred = time(index, code, item, "occurredAt", errors);
        if (occurred == null && !item.hasNonNull("occurredAt")) {
            errors.add(new ItemError(index, code, "occurredAt", "required"));
        }
        OffsetDateTime received = time(index, code, item, "receivedAt", errors);
        OffsetDateTime due = time(index, code, item, "dueAt", errors);
        OffsetDateTime resolved = time(index, code, item, "resolvedAt", errors);
        OffsetDateTime apology = time(index, code, item, "apologyNewDueAt", errors);
        if (errors.size() > before) {
            return null;
        }
        if ("RECEIVED".equals(status) && received == null) {
            received = occurred;
        }
        if ("RESOLVED".equals(status) && resolved == null) {
            resolved = occurred;
        }
        if (received != null && resolved != null && resolved.isBefore(received)) {
            errors.add(new ItemError(index, code, "resolvedAt", "before receivedAt"));
            return null;
        }
        return new Candidate(index, code.trim(), agencyId, agencyCode == null ? null : agencyCode.trim(), tthc.trim(), channel, status, occurred,
                received, due, resolved, apology);
    }

    /** A text field; another JSON type is an error of its own (no "12" for 12 and the reverse). */
    private static String text(int index, JsonNode item, String field, List<ItemError> errors) {
        JsonNode n = item.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            JsonNode code = item.get("dossierCode");
            errors.add(new ItemError(index, code != null && code.isTextual() ? code.asText() : null, field, "a string"));
            return null;
        }
        return n.asText();
    }

    private static OffsetDateTime time(int index, String code, JsonNode item, String field, List<ItemError> errors) {
        JsonNode n = item.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(n.asText());
        } catch (DateTimeParseException e) {
            errors.add(new ItemError(index, code, field, "a date and time with its offset, e.g. 2022-09-21T08:15:00+07:00"));
            return null;
        }
    }

    private static int rejected(List<ItemError> errors) {
        return (int) errors.stream().mapToInt(ItemError::index).distinct().count();
    }

    private static List<ItemError> sorted(List<ItemError> errors) {
        errors.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return errors;
    }
}
