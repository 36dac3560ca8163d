package vn.govqms.document.tthc;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.tthc.ListDtos.DecisionView;
import vn.govqms.document.tthc.ListDtos.NewDecision;
import vn.govqms.document.tthc.ListDtos.UpdateView;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.calendar.WorkingCalendar;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The five working days: a province's decision changing its TTHCs gives every agency handling one of them (or named by
 * it) the work of updating its handled-TTHC list by a due date counted on the deployment's calendar; the work becomes
 * overdue when the date passes and is cleared when the agency updates its list. Each step is one statement, with its
 * events through the kit's outbox in the same transaction.
 */
@ApplicationScoped
public class ListUpdates {

    /** Every agency of the decision's province, valid on the decision date, that handles one of its procedures or is named. */
    private static final String FAN_OUT = """
            insert into tthc_list_update (id, decision_id, agency_id, due_date, status, created_at)
            select gen_random_uuid(), d.id, a.id, d.due_date, 'OPEN', cast(?2 as timestamptz)
            from tthc_list_decision d
            join agency a on a.province_code = d.province_code and (a.valid_to is null or a.valid_to >= d.decision_date)
            where d.id = cast(?1 as uuid)
              and (a.id = any(d.agency_ids)
                   or exists (select 1 from agency_procedure ap where ap.agency_id = a.id and ap.procedure_id = any(d.procedure_ids)))
            on conflict (decision_id, agency_id) do nothing
            returning id, agency_id""";

    /** The agency updated its list: what it owed after decisions dated up to today is done. */
    private static final String CLEAR = """
            update tthc_list_update u set status = 'CLEARED', cleared_on = cast(?2 as date), cleared_by = cast(?3 as text)
            from tthc_list_decision d
            where d.id = u.decision_id and u.agency_id = cast(?1 as uuid) and u.status in ('OPEN', 'OVERDUE')
              and d.decision_date <= cast(?2 as date)
            returning u.id, u.decision_id, d.number, u.due_date""";

    private static final String MARK_OVERDUE = """
            update tthc_list_update u set status = 'OVERDUE', overdue_at = $2
            from tthc_list_decision d
            where d.id = u.decision_id and u.status = 'OPEN' and u.due_date < $1
            returning u.id, u.agency_id, u.decision_id, d.number, d.decision_date, u.due_date""";

    @Inject Scope scope;
    @Inject AgencyRepository agencies;
    @Inject ProcedureRepository procedures;
    @Inject WorkingCalendar calendar;
    @Inject TthcConfig config;
    @Inject Outbox outbox;
    @Inject UnitOfWork work;
    @Inject Pool pool;
    @Inject Clock clock;

    /**
     * Records the province's decision (its steering committee only) and the work of every agency it affects. The
     * procedures are national ones or the province's own; the agencies named are the province's.
     */
    @WithTransaction
    public Uni<DecisionView> decide(NewDecision in, Caller caller) {
        scope.requireProvinceWrite(in.provinceCode());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<UUID> procedureIds = new LinkedHashSet<>(in.procedureIds());
        Set<UUID> agencyIds = in.agencyIds() == null ? Set.of() : new LinkedHashSet<>(in.agencyIds());
        String number = in.number().trim();
        return ListDecision.<ListDecision>find("provinceCode = ?1 and number = ?2", in.provinceCode(), number).firstResult()
                .invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("Decision " + number + " of province " + in.provinceCode()
                                + " is recorded already (id " + existing.id + ").");
                    }
                })
                .chain(() -> procedures.list("id in ?1", procedureIds)).invoke(found -> requireProcedures(in.provinceCode(), procedureIds, found))
                .chain(() -> agencyIds.isEmpty() ? Uni.createFrom().item(List.<Agency>of()) : agencies.list("id in ?1", agencyIds))
                .invoke(found -> requireAgencies(in.provinceCode(), agencyIds, found))
                .chain(() -> {
                    ListDecision d = new ListDecision();
                    d.id = UUID.randomUUID();
                    d.provinceCode = in.provinceCode();
                    d.number = number;
                    d.decisionDate = in.decisionDate();
                    d.dueDate = calendar.plusWorkingDays(in.decisionDate(), config.listUpdateWorkingDays());
                    d.procedureIds = procedureIds.toArray(UUID[]::new);
                    d.agencyIds = agencyIds.toArray(UUID[]::new);
                    d.recordedBy = caller.subject();
                    d.createdAt = now;
                    return d.persist().chain(() -> Panache.getSession()).chain(session -> work.record(session, () -> Outcome.of(TrailEntry.on("tthc-list-decision", d.id, null).did("recorded", caller.subject(), null, in)))
                            .chain(() -> fanOut(session, d, now))
                            .map(n -> DecisionView.of(d, n)));
                });
    }

    private Uni<Long> fanOut(Mutiny.Session session, ListDecision d, OffsetDateTime now) {
        return session.createNativeQuery(FAN_OUT, Object[].class).setParameter(1, d.id).setParameter(2, now).getResultList()
                .chain(rows -> {
                    List<UUID> procedureIds = Arrays.asList(d.procedureIds);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Object[] r : rows) {
                        OutgoingEvent e = ListEvents.required(new ListEvents.RequiredData((UUID) r[0], (UUID) r[1], d.id, d.number,
                                d.decisionDate, d.provinceCode, d.dueDate, procedureIds), now);
                        chain = chain.chain(() -> outbox.publish(session, e));
                    }
                    return chain.replaceWith((long) rows.size());
                });
    }

    /**
     * The agency updated its handled-TTHC list ({@code QmsService.handle}): its open and overdue work after decisions dated
     * up to today is cleared, each with {@code tthc-list-update.cleared}, in the caller's transaction.
     */
    public Uni<Void> listUpdated(Mutiny.Session session, UUID agencyId, String by, OffsetDateTime now) {
        LocalDate today = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        return session.createNativeQuery(CLEAR, Object[].class).setParameter(1, agencyId).setParameter(2, today).setParameter(3, by)
                .getResultList().chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Object[] r : rows) {
                        LocalDate due = toDate(r[3]);
                        OutgoingEvent e = ListEvents.cleared(new ListEvents.ClearedData((UUID) r[0], agencyId, (UUID) r[1], (String) r[2], due,
                                today, today.isAfter(due)), now);
                        chain = chain.chain(() -> outbox.publish(session, e));
                    }
                    return chain;
                });
    }

    /** Open work past its due date becomes overdue, once, with {@code tthc-list-update.overdue}; returns how many. */
    public Uni<Integer> markOverdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        return pool.withTransaction(tx -> tx.preparedQuery(MARK_OVERDUE).execute(Tuple.of(today, now)).chain(rows -> {
            List<OutgoingEvent> events = new ArrayList<>();
            for (Row r : rows) {
                LocalDate due = r.getLocalDate("due_date");
                events.add(ListEvents.overdue(new ListEvents.OverdueData(r.getUUID("id"), r.getUUID("agency_id"), r.getUUID("decision_id"),
                        r.getString("number"), r.getLocalDate("decision_date"), due, (int) (today.toEpochDay() - due.toEpochDay())), now));
            }
            return outbox.publishAll(tx, events).replaceWith(events.size());
        }));
    }

    /** A decision, for whoever reads its province. */
    @WithSession
    public Uni<DecisionView> decision(UUID id) {
        return ListDecision.<ListDecision>findById(id).chain(d -> {
            if (d == null) {
                throw ProblemException.notFound("TTHC list decision", id);
            }
            scope.requireProvinceRead(d.provinceCode);
            return ListUpdate.count("decisionId", d.id).map(n -> DecisionView.of(d, n));
        });
    }

    /** Filters of the list; {@code agencyId} null: every agency in the caller's scope. */
    public record Filter(UUID agencyId, ListUpdateStatus status, UUID decisionId) {
    }

    /** The work of the agencies in the caller's scope, the earliest due first. */
    @WithSession
    public Uni<Page<UpdateView>> list(Filter f, PageRequest page) {
        Where where = new Where().equal("status", f.status()).equal("decisionId", f.decisionId());
        Uni<Void> checked = agencies.listed(f.agencyId(), scope, where);
        var found = ListUpdate.<ListUpdate>find(where.jpql(), Sort.by("dueDate").and("id"), where.parameters());
        return checked.chain(() -> found.page(page.page(), page.size()).list())
                .chain(items -> found.count().chain(total -> views(items).map(v -> Page.of(v, page, total))));
    }

    private Uni<List<UpdateView>> views(List<ListUpdate> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> decisionIds = items.stream().map(u -> u.decisionId).collect(Collectors.toSet());
        Set<UUID> agencyIds = items.stream().map(u -> u.agencyId).collect(Collectors.toSet());
        return ListDecision.<ListDecision>list("id in ?1", decisionIds).chain(decisions -> agencies.list("id in ?1", agencyIds).map(as -> {
            Map<UUID, ListDecision> d = decisions.stream().collect(Collectors.toMap(x -> x.id, Function.identity()));
            Map<UUID, Agency> a = as.stream().collect(Collectors.toMap(x -> x.id, Function.identity()));
            return items.stream().map(u -> new UpdateView(u.id, u.decisionId, d.get(u.decisionId).number, d.get(u.decisionId).decisionDate,
                    u.agencyId, a.get(u.agencyId).code, a.get(u.agencyId).name, u.dueDate, u.status, u.status.label(), u.overdueAt,
                    u.clearedOn, u.clearedLate(), u.createdAt)).toList();
        }));
    }

    private static void requireProcedures(String province, Set<UUID> wanted, List<AdministrativeProcedure> found) {
        if (found.size() != wanted.size()) {
            Set<UUID> missing = new LinkedHashSet<>(wanted);
            found.forEach(p -> missing.remove(p.id));
            throw ProblemException.unprocessable("unknown-reference", "Unknown reference",
                    "procedureIds: not in the catalogue: " + missing + ".", Map.of("field", "procedureIds"));
        }
        List<String> foreign = found.stream().filter(p -> p.provinceCode != null && !p.provinceCode.equals(province))
                .map(p -> p.code).toList();
        if (!foreign.isEmpty()) {
            throw ProblemException.unprocessable("relation-outside-authority", "Procedure of another province",
                    "procedureIds: a decision of province " + province + " publishes national procedures and its own; not "
                            + String.join(", ", foreign) + ".", Map.of("field", "procedureIds"));
        }
    }

    private static void requireAgencies(String province, Set<UUID> wanted, List<Agency> found) {
        if (found.size() != wanted.size()) {
            Set<UUID> missing = new LinkedHashSet<>(wanted);
            found.forEach(a -> missing.remove(a.id));
            throw ProblemException.unprocessable("unknown-reference", "Unknown reference", "agencyIds: no such agencies: " + missing + ".",
                    Map.of("field", "agencyIds"));
        }
        List<String> foreign = found.stream().filter(a -> !a.provinceCode.equals(province)).map(a -> a.code).toList();
        if (!foreign.isEmpty()) {
            throw ProblemException.unprocessable("relation-outside-authority", "Agency of another province",
                    "agencyIds: a decision of province " + province + " names its own agencies; not " + String.join(", ", foreign) + ".",
                    Map.of("field", "agencyIds"));
        }
    }

    private static LocalDate toDate(Object o) {
        return o instanceof Date sql ? sql.toLocalDate() : (LocalDate) o;
    }
}
