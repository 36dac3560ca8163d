package vn.govqms.notification.webhook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.audit.AuditTrail;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.web.ETags;
import vn.govqms.notification.Scopes;
import vn.govqms.notification.event.EventKind;
import vn.govqms.notification.webhook.WebhookDtos.AttemptView;
import vn.govqms.notification.webhook.WebhookDtos.DeliveryView;
import vn.govqms.notification.webhook.WebhookDtos.ReplayRange;
import vn.govqms.notification.webhook.WebhookDtos.Replayed;
import vn.govqms.notification.webhook.WebhookDtos.WebhookInput;
import vn.govqms.notification.webhook.WebhookDtos.WebhookView;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;

/** Webhook subscriptions of a province (province-admin or integration clients), their delivery log and replays. */
@ApplicationScoped
public class WebhookService {

    private final Scopes scopes;
    private final TargetCheck targets;
    private final AuditTrail trail;
    private final Pool pool;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    public WebhookService(Scopes scopes, TargetCheck targets, AuditTrail trail, Pool pool, WebhookDispatcher dispatcher, Clock clock) {
        this.scopes = scopes;
        this.targets = targets;
        this.trail = trail;
        this.pool = pool;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<WebhookView> create(WebhookInput in, Caller caller) {
        String province = requireProvinceScope(caller);
        List<String> types = types(in.eventTypes());
        return agencyFilter(in.agencyId(), caller).chain(() -> targets.check(in.url())).chain(uri -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            WebhookSubscription s = new WebhookSubscription();
            s.id = UUID.randomUUID();
            s.provinceCode = province;
            s.agencyId = in.agencyId();
            s.url = uri.toString();
            s.eventTypes = types.toArray(String[]::new);
            s.secret = Signature.newSecret();
            s.description = in.description();
            s.active = true;
            s.createdBy = caller.subject();
            s.createdAt = now;
            s.updatedAt = now;
            return s.<WebhookSubscription>persist().chain(x -> Panache.getSession()).chain(session -> session.flush().chain(() ->
                    trail.record(session, "webhook", s.id, ref(s), "created", caller.subject(), null, WebhookView.of(s, false))))
                    .map(x -> WebhookView.of(s, true));
        });
    }

    @WithSession
    public Uni<Page<WebhookView>> list(PageRequest page, Caller caller) {
        String province = requireProvinceScope(caller);
        var query = WebhookSubscription.<WebhookSubscription>find("provinceCode = ?1", Sort.by("createdAt").and("id"), province);
        return query.page(page.page(), page.size()).list().chain(items -> query.count().map(total ->
                Page.of(items.stream().map(s -> WebhookView.of(s, false)).toList(), page, total)));
    }

    @WithSession
    public Uni<WebhookView> get(UUID id, Caller caller) {
        return require(id, caller).map(s -> WebhookView.of(s, false));
    }

    @WithTransaction
    public Uni<WebhookView> update(UUID id, WebhookInput in, String ifMatch, Caller caller) {
        List<String> types = types(in.eventTypes());
        return require(id, caller).chain(s -> {
            ETags.requireMatch(ifMatch, s.version);
            return agencyFilter(in.agencyId(), caller).chain(() -> targets.check(in.url())).chain(uri -> {
                WebhookView before = WebhookView.of(s, false);
                s.url = uri.toString();
                s.eventTypes = types.toArray(String[]::new);
                s.agencyId = in.agencyId();
                s.description = in.description();
                s.active = in.active() == null || in.active();
                s.updatedAt = OffsetDateTime.now(clock);
                return Panache.getSession().chain(session -> session.flush().chain(() -> trail.record(session, "webhook", s.id, ref(s),
                        "updated", caller.subject(), before, WebhookView.of(s, false)))).map(x -> WebhookView.of(s, false));
            });
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return require(id, caller).chain(s -> Panache.getSession().chain(session -> trail.record(session, "webhook", s.id, ref(s),
                "deleted", caller.subject(), WebhookView.of(s, false), null)).chain(() -> s.delete()));
    }

    public Uni<Page<DeliveryView>> deliveries(UUID id, String status, LocalDate from, LocalDate to, PageRequest page, Caller caller) {
        if (status != null && !List.of("PENDING", "DELIVERED", "DEAD").contains(status)) {
            throw ProblemException.invalidField("status", "PENDING, DELIVERED or DEAD");
        }
        String where = "d.subscription_id = $1 and ($2::text is null or d.status = $2) and ($3::timestamptz is null or d.created_at >= $3) "
                + "and ($4::timestamptz is null or d.created_at < $4)";
        Tuple args = Tuple.of(id, status, start(from), to == null ? null : start(to.plusDays(1)));
        return requireOwned(id, caller).chain(() -> pool.preparedQuery("select d.*, e.type from webhook_delivery d join event_log e "
                        + "on e.event_id = d.event_id where " + where + " order by d.created_at desc, d.id limit " + page.size()
                        + " offset " + page.offset()).execute(args))
                .chain(rows -> {
                    List<DeliveryView> items = new ArrayList<>();
                    rows.forEach(r -> items.add(view(r, null)));
                    return pool.preparedQuery("select count(*) from webhook_delivery d where " + where).execute(args)
                            .map(c -> Page.of(items, page, c.iterator().next().getLong(0)));
                });
    }

    public Uni<DeliveryView> delivery(UUID id, UUID deliveryId, Caller caller) {
        return requireOwned(id, caller).chain(() -> pool.preparedQuery("select d.*, e.type from webhook_delivery d join event_log e "
                + "on e.event_id = d.event_id where d.id = $1 and d.subscription_id = $2").execute(Tuple.of(deliveryId, id))).chain(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("delivery", deliveryId);
            }
            Row d = rows.iterator().next();
            return pool.preparedQuery("select * from webhook_attempt where delivery_id = $1 order by id").execute(Tuple.of(deliveryId))
                    .map(attempts -> {
                        List<AttemptView> log = new ArrayList<>();
                        attempts.forEach(a -> log.add(new AttemptView(a.getOffsetDateTime("at"), a.getInteger("status_code"),
                                a.getInteger("latency_ms"), a.getString("error"))));
                        return view(d, log);
                    });
        });
    }

    /** Sends one delivery again, whatever its state, with a fresh budget of attempts. */
    public Uni<DeliveryView> replay(UUID id, UUID deliveryId, Caller caller) {
        return requireOwned(id, caller).chain(() -> pool.preparedQuery("update webhook_delivery set status = 'PENDING', attempts = 0, "
                        + "next_attempt_at = $3, delivered_at = null where id = $1 and subscription_id = $2 returning id")
                        .execute(Tuple.of(deliveryId, id, OffsetDateTime.now(clock))))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("delivery", deliveryId);
                    }
                    dispatcher.wake();
                    return delivery(id, deliveryId, caller);
                });
    }

    /** Sends again every delivery of the subscription created in a range of days. */
    public Uni<Replayed> replay(UUID id, ReplayRange range, Caller caller) {
        if (range.to().isBefore(range.from())) {
            throw ProblemException.invalidField("to", "on or after from");
        }
        return requireOwned(id, caller).chain(() -> pool.preparedQuery("update webhook_delivery set status = 'PENDING', attempts = 0, "
                        + "next_attempt_at = $4, delivered_at = null where subscription_id = $1 and created_at >= $2 and created_at < $3")
                        .execute(Tuple.of(id, start(range.from()), start(range.to().plusDays(1)), OffsetDateTime.now(clock))))
                .map(rows -> {
                    dispatcher.wake();
                    return new Replayed(rows.rowCount());
                });
    }

    private OffsetDateTime start(LocalDate day) {
        return day == null ? null : day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    private static DeliveryView view(Row r, List<AttemptView> log) {
        return new DeliveryView(r.getUUID("id"), r.getUUID("subscription_id"), r.getString("event_id"), r.getString("type"),
                r.getString("status"), r.getInteger("attempts"), r.getInteger("last_status_code"), r.getString("last_error"),
                r.getInteger("last_latency_ms"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("delivered_at"),
                "PENDING".equals(r.getString("status")) ? r.getOffsetDateTime("next_attempt_at") : null, log);
    }

    private static List<String> types(List<String> in) {
        List<String> types = in.stream().map(String::trim).distinct().toList();
        for (String t : types) {
            if (EventKind.ofType(t).isEmpty()) {
                throw ProblemException.invalidField("eventTypes", "unknown event type " + t + " (see the catalogue in the README)");
            }
        }
        return types;
    }

    private static String requireProvinceScope(Caller caller) {
        if (!caller.hasProvinceScope()) {
            throw ProblemException.forbidden("Webhooks are managed for a whole province (province-admin or an integration client of it).");
        }
        return Scopes.province(caller);
    }

    private Uni<Void> agencyFilter(UUID agencyId, Caller caller) {
        if (agencyId == null) {
            return Uni.createFrom().voidItem();
        }
        return scopes.agency("agencyId", agencyId).invoke(caller::requireAgency).replaceWithVoid();
    }

    private Uni<WebhookSubscription> require(UUID id, Caller caller) {
        requireProvinceScope(caller);
        return WebhookSubscription.<WebhookSubscription>findById(id).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("webhook", id);
            }
            caller.requireProvince(s.provinceCode);
            return s;
        });
    }

    private Uni<Void> requireOwned(UUID id, Caller caller) {
        requireProvinceScope(caller);
        return pool.preparedQuery("select province_code from webhook_subscription where id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("webhook", id);
            }
            caller.requireProvince(rows.iterator().next().getString(0));
            return null;
        });
    }

    private static AgencyRef ref(WebhookSubscription s) {
        return s.agencyId == null ? null : new AgencyRef(s.agencyId, s.provinceCode);
    }

}
