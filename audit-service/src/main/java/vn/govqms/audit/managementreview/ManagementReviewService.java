package vn.govqms.audit.managementreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import vn.govqms.audit.agency.AgencyLookup;
import vn.govqms.audit.managementreview.ManagementReviewDtos.ActionCompletion;
import vn.govqms.audit.managementreview.ManagementReviewDtos.ActionView;
import vn.govqms.audit.managementreview.ManagementReviewDtos.AgencyWithoutReview;
import vn.govqms.audit.managementreview.ManagementReviewDtos.InputItem;
import vn.govqms.audit.managementreview.ManagementReviewDtos.NewReview;
import vn.govqms.audit.managementreview.ManagementReviewDtos.OutputItem;
import vn.govqms.audit.managementreview.ManagementReviewDtos.ReviewView;
import vn.govqms.audit.plan.ActivityKind;
import vn.govqms.audit.plan.PlanLinks;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Management reviews held by the agencies, and the agencies that have not held one in a year. */
@ApplicationScoped
public class ManagementReviewService {

    public static final String HELD = EventTypes.of("audit", "management-review.held");

    public record HeldData(UUID reviewId, UUID agencyId, int year, LocalDate heldOn, String chair) {
    }

    @Inject AgencyLookup agencies;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject ObjectMapper json;
    @Inject Pool pool;
    @Inject PlanLinks plans;
    @Inject Scope scope;

    @WithTransaction
    public Uni<ReviewView> record(NewReview in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (in.heldOn().isAfter(now.toLocalDate())) {
            throw ProblemException.invalidField("heldOn", "a review is recorded once held; the date cannot be in the future");
        }
        Set<ReviewInput> topics = EnumSet.noneOf(ReviewInput.class);
        for (InputItem i : in.inputs()) {
            if (!topics.add(i.topic())) {
                throw ProblemException.invalidField("inputs", "topic " + i.topic() + " is listed twice");
            }
        }
        for (int n = 0; n < in.outputs().size(); n++) {
            OutputItem o = in.outputs().get(n);
            if ((o.owner() == null || o.owner().isBlank()) != (o.dueDate() == null)) {
                throw ProblemException.invalidField("outputs[" + n + "]", "an output that opens an action names both owner and dueDate");
            }
        }
        return agencies.known("agencyId", in.agencyId()).invoke(agency -> scope.requireWrite(agency.ref())).chain(agency -> {
            ManagementReview r = new ManagementReview();
            r.id = UUID.randomUUID();
            r.agencyId = agency.id;
            r.year = in.heldOn().getYear();
            r.heldOn = in.heldOn();
            r.chair = in.chair().trim();
            r.attendees = write(in.attendees().stream().map(String::trim).toList());
            r.inputs = write(in.inputs().stream().map(i -> new InputItem(i.topic(), i.topic().label(), i.summary().trim())).toList());
            r.outputs = write(in.outputs().stream().map(o -> new OutputItem(o.kind(), o.kind().label(), o.decision().trim(),
                    o.owner() == null || o.owner().isBlank() ? null : o.owner().trim(), o.dueDate())).toList());
            r.createdBy = caller.subject();
            r.createdAt = now;
            List<ManagementReviewAction> actions = new ArrayList<>();
            for (OutputItem o : in.outputs()) {
                if (o.owner() != null && !o.owner().isBlank()) {
                    ManagementReviewAction a = new ManagementReviewAction();
                    a.id = UUID.randomUUID();
                    a.reviewId = r.id;
                    a.agencyId = r.agencyId;
                    a.kind = o.kind();
                    a.decision = o.decision().trim();
                    a.owner = o.owner().trim();
                    a.dueDate = o.dueDate();
                    a.status = "OPEN";
                    a.createdAt = now;
                    actions.add(a);
                }
            }
            // Panache cannot persist an empty list (an empty Uni set): a review whose outputs name no owner opens no actions
            return r.<ManagementReview>persist().chain(() -> actions.isEmpty() ? Uni.createFrom().voidItem() : ManagementReviewAction.persist(actions)).chain(() -> Panache.getSession())
                    .chain(s -> work.record(s, () -> Outcome.of(TrailEntry.on("management-review", r.id, agency.ref()).did("held", caller.subject(), null,
                                    Map.of("heldOn", r.heldOn.toString(), "chair", r.chair, "inputs", in.inputs().size(),
                                            "outputs", in.outputs().size(), "actions", actions.size())),
                                    OutgoingEvent.of("audit.events", r.agencyId.toString(), HELD,
                                            "management-reviews/" + r.id, now, new HeldData(r.id, r.agencyId, r.year, r.heldOn, r.chair))))
                            .chain(() -> plans.complete(s, r.agencyId, r.year, ActivityKind.MANAGEMENT_REVIEW, r.heldOn,
                                    "Họp xem xét của lãnh đạo ngày " + r.heldOn + ", chủ trì: " + r.chair + " (management-reviews/" + r.id + ")",
                                    caller.subject(), now)))
                    .map(x -> view(r, actions));
        });
    }

    @WithSession
    public Uni<Page<ReviewView>> list(UUID agencyId, Integer year, PageRequest page) {
        Where where = new Where().equal("year", year);
        return agencies.listed("agencyId", agencyId, scope, where).chain(() -> Pages.of(ManagementReview.<ManagementReview>find(where.jpql(),
                Sort.by("heldOn").descending().and("id"), where.parameters()), page)).chain(p -> {
            List<UUID> ids = p.items().stream().map(r -> r.id).toList();
            Uni<List<ManagementReviewAction>> actions = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : ManagementReviewAction.list("reviewId in ?1", Sort.by("dueDate").and("id"), ids);
            return actions.map(all -> p.map(r -> view(r, all.stream().filter(a -> a.reviewId.equals(r.id)).toList())));
        });
    }

    @WithSession
    public Uni<ReviewView> get(UUID id) {
        return ManagementReview.<ManagementReview>findById(id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("management review", id);
            }
            return agencies.of(r.agencyId).invoke(a -> scope.requireRead(a.ref()))
                    .chain(a -> ManagementReviewAction.<ManagementReviewAction>list("reviewId", Sort.by("dueDate").and("id"), r.id))
                    .map(actions -> view(r, actions));
        });
    }

    /** The owner of an action, or the agency's ISO officer or head, records it done. */
    @WithTransaction
    public Uni<ActionView> completeAction(UUID reviewId, UUID actionId, ActionCompletion in, Caller caller) {
        return ManagementReviewAction.<ManagementReviewAction>findById(actionId).chain(a -> {
            if (a == null || !a.reviewId.equals(reviewId)) {
                throw ProblemException.notFound("action of management review " + reviewId, actionId);
            }
            return agencies.of(a.agencyId).chain(agency -> {
                scope.requireWrite(agency.ref());
                ManagementReviewPolicy.requireCompleter(a, caller);
                if (in.doneOn().isAfter(LocalDate.now(clock))) {
                    throw ProblemException.invalidField("doneOn", "cannot be in the future");
                }
                a.complete(in.doneOn(), in.note().trim(), caller.subject());
                return work.record(() -> Outcome.of(TrailEntry.on("management-review", reviewId, agency.ref()).did("action-done:" + a.id, caller.subject(),
                        Map.of("status", "OPEN"), Map.of("status", a.status, "doneOn", a.doneOn.toString())))).map(x -> actionView(a));
            });
        });
    }

    /** Agencies the caller may list (existing that year) without a management review in {@code year}. */
    public Uni<Page<AgencyWithoutReview>> without(int year, PageRequest page) {
        AgencyFilter listed = scope.rows();
        List<Object> args = AgencyFilter.arguments(year, page.size(), page.offset());
        return pool.preparedQuery("""
                        select a.id, a.code, a.name, count(*) over () as total from agency_directory a
                        where %s
                          and (a.valid_to is null or a.valid_to >= make_date($1, 1, 1))
                          and not exists (select 1 from management_review r where r.agency_id = a.id and r.year = $1)
                        order by a.code, a.id limit $2 offset $3""".formatted(listed.sqlAppending("a", args)))
                .execute(Tuple.from(args))
                .map(rows -> {
                    List<AgencyWithoutReview> items = new ArrayList<>();
                    long total = 0;
                    for (Row r : rows) {
                        items.add(new AgencyWithoutReview(r.getUUID("id"), r.getString("code"), r.getString("name")));
                        total = r.getLong("total");
                    }
                    return Page.of(items, page, total);
                });
    }

    private ActionView actionView(ManagementReviewAction a) {
        return new ActionView(a.id, a.kind, a.decision, a.owner, a.dueDate, a.status,
                "OPEN".equals(a.status) && a.dueDate.isBefore(LocalDate.now(clock)), a.doneOn, a.doneNote, a.doneBy, a.version);
    }

    private ReviewView view(ManagementReview r, List<ManagementReviewAction> actions) {
        List<InputItem> inputs = read(r.inputs, new TypeReference<>() { });
        Set<ReviewInput> missing = EnumSet.allOf(ReviewInput.class);
        inputs.forEach(i -> missing.remove(i.topic()));
        return new ReviewView(r.id, r.agencyId, r.year, r.heldOn, r.chair, read(r.attendees, new TypeReference<List<String>>() { }),
                inputs, List.copyOf(missing), read(r.outputs, new TypeReference<List<OutputItem>>() { }),
                actions.stream().map(this::actionView).toList(), r.createdBy, r.createdAt);
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
