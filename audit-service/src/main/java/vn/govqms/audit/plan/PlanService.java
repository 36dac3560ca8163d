package vn.govqms.audit.plan;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.audit.AuditConfig;
import vn.govqms.audit.agency.AgencyLookup;
import vn.govqms.audit.plan.PlanDtos.AgencyProgress;
import vn.govqms.audit.plan.PlanDtos.Completion;
import vn.govqms.audit.plan.PlanDtos.ItemInput;
import vn.govqms.audit.plan.PlanDtos.ItemView;
import vn.govqms.audit.plan.PlanDtos.NewPlan;
import vn.govqms.audit.plan.PlanDtos.PlanSummary;
import vn.govqms.audit.plan.PlanDtos.PlanView;
import vn.govqms.audit.plan.PlanDtos.Progress;
import vn.govqms.kit.agency.DirectoryEntry;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Yearly ISO activity plans: drafted from the template, edited by the ISO officer, approved by the head, carried out. */
@ApplicationScoped
public class PlanService {

    @Inject AgencyLookup agencies;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject Pool pool;
    @Inject Scope scope;
    @Inject AuditConfig config;

    @WithTransaction
    public Uni<PlanView> create(NewPlan in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return agencies.known("agencyId", in.agencyId()).invoke(agency -> scope.requireWrite(agency.ref())).chain(agency ->
                ActivityPlan.<ActivityPlan>find("agencyId = ?1 and year = ?2", in.agencyId(), in.year()).firstResult().chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("Agency " + agency.name + " already has a plan for " + in.year()
                                + " (id " + existing.id + ").");
                    }
                    ActivityPlan plan = ActivityPlan.draft(agency.id, in.year(), caller.subject(), now);
                    List<ActivityItem> items = PlanTemplate.forYear(in.year(), config.planTemplate()).stream()
                            .map(e -> ActivityItem.of(plan, e.kind(), e.title(), e.plannedDate(), null, now)).toList();
                    return plan.<ActivityPlan>persist()
                            .chain(() -> ActivityItem.persist(items))
                            .chain(() -> work.record(() -> Outcome.of(TrailEntry.on("activity-plan", plan.id, agency.ref()).did("created",
                                    caller.subject(), null, Map.of("year", plan.year, "status", plan.status.name(),
                                            "items", items.size())))))
                            .map(x -> view(plan, agency, items));
                }));
    }

    public record Filter(UUID agencyId, Integer year, PlanStatus status) {
    }

    @WithSession
    public Uni<Page<PlanSummary>> list(Filter f, PageRequest page) {
        Where where = new Where().equal("year", f.year()).equal("status", f.status());
        return agencies.listed("agencyId", f.agencyId(), scope, where).chain(() -> Pages.of(ActivityPlan.<ActivityPlan>find(where.jpql(),
                Sort.by("year").descending().and("id"), where.parameters()), page)).map(p -> p.map(PlanSummary::of));
    }

    @WithSession
    public Uni<PlanView> get(UUID id) {
        return readable(id).chain(this::view);
    }

    @WithTransaction
    public Uni<ItemView> addItem(UUID planId, ItemInput in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return writable(planId).chain(plan -> {
            plan.requireEditable("add an item to");
            checkYear(plan, in.plannedDate());
            ActivityItem item = ActivityItem.of(plan, in.kind(), in.title().trim(), in.plannedDate(), blankToNull(in.owner()), now);
            plan.touch();
            return item.<ActivityItem>persist().chain(() -> recordItem(plan, item, "item-added", caller, null, ItemView.of(item)))
                    .map(x -> ItemView.of(item));
        });
    }

    @WithTransaction
    public Uni<ItemView> updateItem(UUID planId, UUID itemId, ItemInput in, String ifMatch, Caller caller) {
        return writable(planId).chain(plan -> item(plan, itemId).chain(item -> {
            ETags.requireMatch(ifMatch, item.version);
            plan.requireEditable("edit an item of");
            checkYear(plan, in.plannedDate());
            Uni<Void> keep = item.kind.required() && item.kind != in.kind() ? requireAnother(plan, item) : Uni.createFrom().voidItem();
            ItemView before = ItemView.of(item);
            return keep.chain(() -> {
                item.kind = in.kind();
                item.title = in.title().trim();
                item.plannedDate = in.plannedDate();
                item.owner = blankToNull(in.owner());
                plan.touch();
                return recordItem(plan, item, "item-updated", caller, before, ItemView.of(item))
                        .map(x -> ItemView.of(item));
            });
        }));
    }

    @WithTransaction
    public Uni<Void> deleteItem(UUID planId, UUID itemId, Caller caller) {
        return writable(planId).chain(plan -> item(plan, itemId).chain(item -> {
            plan.requireEditable("remove an item from");
            Uni<Void> keep = item.kind.required() ? requireAnother(plan, item) : Uni.createFrom().voidItem();
            ItemView before = ItemView.of(item);
            return keep.chain(item::delete).chain(() -> recordItem(plan, item, "item-removed", caller, before, null));
        }));
    }

    @WithTransaction
    public Uni<PlanView> approve(UUID planId, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return writable(planId).chain(plan -> items(plan).chain(items -> {
            Set<ActivityKind> present = EnumSet.noneOf(ActivityKind.class);
            items.forEach(i -> present.add(i.kind));
            List<String> missing = EnumSet.allOf(ActivityKind.class).stream()
                    .filter(k -> k.required() && !present.contains(k)).map(Enum::name).toList();
            if (!missing.isEmpty() && plan.status == PlanStatus.DRAFT) {
                throw ProblemException.unprocessable("required-activity", "Required activity missing",
                        "The plan lacks the activities required every year: " + String.join(", ", missing) + ".",
                        Map.of("missingKinds", missing));
            }
            String before = plan.status.name();
            plan.approve(caller.subject(), now);
            return agencies.of(plan.agencyId).chain(agency -> work.record(() -> Outcome.of(TrailEntry.on("activity-plan", plan.id, agency.ref())
                            .did("approved", caller.subject(), Map.of("status", before), Map.of("status", plan.status.name())),
                            PlanEvents.approved(plan, items))))
                    .chain(() -> view(plan));
        }));
    }

    @WithTransaction
    public Uni<ItemView> complete(UUID planId, UUID itemId, Completion in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return writable(planId).chain(plan -> item(plan, itemId).chain(item -> {
            if (plan.status != PlanStatus.APPROVED) {
                throw ProblemException.invalidTransition("activity plan", plan.status.name(), "complete-item", plan.status.allowed());
            }
            if (in.doneDate().isAfter(now.toLocalDate())) {
                throw ProblemException.invalidField("doneDate", "cannot be in the future");
            }
            ItemView before = ItemView.of(item);
            item.complete(in.doneDate(), in.evidence().trim(), caller.subject());
            return recordItem(plan, item, "item-done", caller, before, ItemView.of(item), () -> PlanEvents.done(plan, item, now))
                    .map(x -> ItemView.of(item));
        }));
    }

    private static final String PROGRESS = """
            select a.id, a.code, a.name, p.id as plan_id, p.status,
                   count(i.id) as items, count(i.done_date) as done,
                   count(i.id) filter (where i.done_date is null and i.overdue_at is not null) as overdue,
                   count(*) over () as agencies,
                   sum(case when p.status = 'APPROVED' then 1 else 0 end) over () as approved,
                   sum(count(i.id)) over () as all_items, sum(count(i.done_date)) over () as all_done,
                   sum(count(i.id) filter (where i.done_date is null and i.overdue_at is not null)) over () as all_overdue
            from agency_directory a
            left join activity_plan p on p.agency_id = a.id and p.year = $1
            left join activity_item i on i.plan_id = p.id
            where (a.valid_to is null or a.valid_to >= make_date($1, 1, 1)) and %s
            group by a.id, a.code, a.name, p.id, p.status
            order by a.code, a.id
            limit $2 offset $3""";

    /** Progress of the plans of a year, per agency the caller may list (its province, its ministry, its agency, or all). */
    public Uni<Progress> progress(int year, PageRequest page) {
        AgencyFilter listed = scope.rows();
        List<Object> args = AgencyFilter.arguments(year, page.size(), page.offset());
        String province = scope.provinceClaim().orElse(null);
        return pool.preparedQuery(PROGRESS.formatted(listed.sqlAppending("a", args))).execute(Tuple.from(args))
                .map(rows -> {
                    List<AgencyProgress> per = new ArrayList<>();
                    long agenciesCount = 0, approved = 0, items = 0, done = 0, overdue = 0;
                    for (Row r : rows) {
                        per.add(new AgencyProgress(r.getUUID("id"), r.getString("code"), r.getString("name"), r.getUUID("plan_id"),
                                r.getString("status") == null ? null : PlanStatus.valueOf(r.getString("status")),
                                r.getLong("items"), r.getLong("done"), r.getLong("overdue")));
                        agenciesCount = r.getLong("agencies");
                        approved = num(r, "approved");
                        items = num(r, "all_items");
                        done = num(r, "all_done");
                        overdue = num(r, "all_overdue");
                    }
                    return new Progress(year, province, agenciesCount, approved, items, done, overdue, per, page.page(), page.size());
                });
    }

    private static long num(Row r, String column) {
        Object v = r.getValue(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private Uni<Void> requireAnother(ActivityPlan plan, ActivityItem item) {
        return ActivityItem.count("planId = ?1 and kind = ?2 and id <> ?3", plan.id, item.kind, item.id).invoke(n -> {
            if (n == 0) {
                throw ProblemException.unprocessable("required-activity", "Required activity",
                        "A plan must keep at least one " + item.kind.name() + " activity (" + item.kind.label()
                                + "): it is required every year.", Map.of("kind", item.kind.name()));
            }
        }).replaceWithVoid();
    }

    private static void checkYear(ActivityPlan plan, LocalDate date) {
        if (date.getYear() != plan.year) {
            throw ProblemException.invalidField("plannedDate", "must fall in the plan's year " + plan.year);
        }
    }

    private Uni<Void> recordItem(ActivityPlan plan, ActivityItem item, String action, Caller caller, Object before, Object after) {
        return recordItem(plan, item, action, caller, before, after, () -> null);
    }

    private Uni<Void> recordItem(ActivityPlan plan, ActivityItem item, String action, Caller caller, Object before, Object after,
                                 Supplier<OutgoingEvent> event) {
        return agencies.of(plan.agencyId).chain(agency -> work.record(() -> Outcome.of(TrailEntry.on("activity-plan", plan.id, agency.ref())
                .did(action + ":" + item.id, caller.subject(), before, after), event.get())));
    }

    private Uni<ActivityPlan> readable(UUID id) {
        return plan(id).chain(p -> agencies.of(p.agencyId).map(a -> {
            scope.requireRead(a.ref());
            return p;
        }));
    }

    private Uni<ActivityPlan> writable(UUID id) {
        return plan(id).chain(p -> agencies.of(p.agencyId).map(a -> {
            scope.requireWrite(a.ref());
            return p;
        }));
    }

    private static Uni<ActivityPlan> plan(UUID id) {
        return ActivityPlan.<ActivityPlan>findById(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("activity plan", id);
            }
            return p;
        });
    }

    private static Uni<ActivityItem> item(ActivityPlan plan, UUID itemId) {
        return ActivityItem.<ActivityItem>findById(itemId).map(i -> {
            if (i == null || !i.planId.equals(plan.id)) {
                throw ProblemException.notFound("activity item in plan " + plan.id, itemId);
            }
            return i;
        });
    }

    private static Uni<List<ActivityItem>> items(ActivityPlan plan) {
        return ActivityItem.list("planId", Sort.by("plannedDate").and("id"), plan.id);
    }

    private Uni<PlanView> view(ActivityPlan plan) {
        return agencies.of(plan.agencyId).chain(a -> items(plan).map(items -> view(plan, a, items)));
    }

    private static PlanView view(ActivityPlan p, DirectoryEntry a, List<ActivityItem> items) {
        return new PlanView(p.id, p.agencyId, a.name, p.year, p.status, p.status.label(), p.approvedBy, p.approvedAt,
                p.createdBy, p.version, items.stream().map(ItemView::of).toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
