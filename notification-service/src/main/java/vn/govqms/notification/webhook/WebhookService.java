package vn.govqms.notification.webhook;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;
import vn.govqms.notification.agency.AgencyLookup;
import vn.govqms.notification.event.EventKind;
import vn.govqms.notification.event.IntegrationView;
import vn.govqms.notification.webhook.WebhookDtos.AttemptView;
import vn.govqms.notification.webhook.WebhookDtos.DeliveryView;
import vn.govqms.notification.webhook.WebhookDtos.ReplayRange;
import vn.govqms.notification.webhook.WebhookDtos.Replayed;
import vn.govqms.notification.webhook.WebhookDtos.SecretRotation;
import vn.govqms.notification.webhook.WebhookDtos.WebhookInput;
import vn.govqms.notification.webhook.WebhookDtos.WebhookView;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook subscriptions of a province, their delivery log and replays. A subscription is the province's record: its steering
 * committee manages them all while the province exists, and those who read the province's records read them; a one-stop-shop
 * system (role integration) manages and reads only the subscriptions of such systems in its province, which receive only what
 * its REST reads allow ({@link IntegrationView}).
 */
@ApplicationScoped
public class WebhookService {

    @Inject AgencyLookup agencies;
    @Inject Scope scope;
    @Inject TargetCheck targets;
    @Inject UnitOfWork work;
    @Inject Pool pool;
    @Inject WebhookDispatcher dispatcher;
    @Inject SecretBox secrets;
    @Inject WebhookConfig config;
    @Inject Clock clock;

    /** The longest overlap a rotation may ask for: a secret that leaked must not stay valid for long. */
    static final Duration MAX_OVERLAP = Duration.ofDays(30);

    @WithTransaction
    public Uni<WebhookView> create(WebhookInput in, Caller caller) {
        boolean forIntegration = byIntegration();
        String province = scope.ownProvince();
        requireManager(province, forIntegration);
        List<String> types = types(in.eventTypes(), forIntegration);
        return agencyFilter(in.agencyId()).chain(() -> targets.check(in.url())).chain(uri -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            WebhookSubscription s = new WebhookSubscription();
            s.id = UUID.randomUUID();
            s.provinceCode = province;
            s.agencyId = in.agencyId();
            s.url = uri.toString();
            s.eventTypes = types.toArray(String[]::new);
            String secret = Signature.newSecret();
            s.secret = secrets.seal(s.id, secret);
            s.secretKeyId = secrets.currentKeyId();
            s.description = in.description();
            s.active = true;
            s.forIntegration = forIntegration;
            s.createdBy = caller.subject();
            s.createdAt = now;
            return s.<WebhookSubscription>persist().chain(x -> work.record(() -> Outcome.of(trailOf(s).did("created", caller.subject(), null, WebhookView.of(s, null)))))
                    .map(x -> WebhookView.of(s, secret));
        });
    }

    /** The subscriptions of the provinces whose records the caller reads (a one-stop-shop system: those of its kind). */
    @WithSession
    public Uni<Page<WebhookView>> list(PageRequest page) {
        AgencyFilter rows = scope.rows();
        Where where = new Where();
        if (!rows.all()) {
            where.add("provinceCode in :provinces", Map.of("provinces", List.copyOf(rows.provinces())));
        }
        if (byIntegration()) {
            where.add("forIntegration = true", Map.of());
        }
        var query = WebhookSubscription.<WebhookSubscription>find(where.jpql(), Sort.by("createdAt").and("id"), where.parameters());
        return query.page(page.page(), page.size()).list().chain(items -> query.count().map(total ->
                Page.of(items.stream().map(s -> WebhookView.of(s, null)).toList(), page, total)));
    }

    @WithSession
    public Uni<WebhookView> get(UUID id) {
        return readable(id).map(s -> WebhookView.of(s, null));
    }

    @WithTransaction
    public Uni<WebhookView> update(UUID id, WebhookInput in, String ifMatch, Caller caller) {
        return writable(id).chain(s -> {
            ETags.requireMatch(ifMatch, s.version);
            List<String> types = types(in.eventTypes(), s.forIntegration);
            return agencyFilter(in.agencyId()).chain(() -> targets.check(in.url())).chain(uri -> {
                WebhookView before = WebhookView.of(s, null);
                s.url = uri.toString();
                s.eventTypes = types.toArray(String[]::new);
                s.agencyId = in.agencyId();
                s.description = in.description();
                s.active = in.active() == null || in.active();
                s.touch();
                return work.record(() -> Outcome.of(trailOf(s).did("updated", caller.subject(), before, WebhookView.of(s, null)))).map(x -> WebhookView.of(s, null));
            });
        });
    }

    /**
     * A new secret, shown once; the current one keeps signing too for the overlap (both signatures in each delivery's
     * {@code webhook-signature}), then is dropped. A secret that was still in an overlap is dropped at once.
     */
    @WithTransaction
    public Uni<WebhookView> rotateSecret(UUID id, SecretRotation in, Caller caller) {
        Duration overlap = in == null || in.overlap() == null ? config.secretOverlap() : in.overlap();
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw ProblemException.invalidField("overlap", "from PT0S to P30D");
        }
        return writable(id).chain(s -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            boolean keep = !overlap.isZero();
            String current;
            try {
                current = keep ? secrets.open(s.id, s.secretKeyId, s.secret) : null;
            } catch (IllegalStateException unreadable) {
                throw ProblemException.conflict("The current secret cannot be read here (its encryption key is not configured), so it "
                        + "cannot keep signing; rotate with overlap PT0S, or ask the operator to restore the key.");
            }
            String fresh = Signature.newSecret();
            s.secretKeyId = secrets.currentKeyId();
            s.secret = secrets.seal(s.id, fresh);
            s.previousSecret = keep ? secrets.seal(s.id, current) : null;
            s.previousSecretExpiresAt = keep ? now.plus(overlap) : null;
            s.secretRotatedAt = now;
            s.touch();
            return work.record(() -> Outcome.of(trailOf(s).did("secret-rotated", caller.subject(), null, WebhookView.of(s, null))))
                    .map(x -> WebhookView.of(s, fresh));
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return writable(id).chain(s -> work.record(() -> Outcome.of(trailOf(s).did("deleted", caller.subject(), WebhookView.of(s, null), null))).chain(() -> s.delete()));
    }

    private static TrailEntry.On trailOf(WebhookSubscription s) {
        return TrailEntry.on("webhook", s.id, AgencyLookup.province(s.provinceCode));
    }

    public Uni<Page<DeliveryView>> deliveries(UUID id, String status, LocalDate from, LocalDate to, PageRequest page) {
        if (status != null && !List.of("PENDING", "DELIVERED", "DEAD").contains(status)) {
            throw ProblemException.invalidField("status", "PENDING, DELIVERED or DEAD");
        }
        String where = "d.subscription_id = $1 and ($2::text is null or d.status = $2) and ($3::timestamptz is null or d.created_at >= $3) "
                + "and ($4::timestamptz is null or d.created_at < $4)";
        Tuple args = Tuple.of(id, status, start(from), to == null ? null : start(to.plusDays(1)));
        return owned(id, false).chain(() -> pool.preparedQuery("select d.*, e.type from webhook_delivery d join event_log e "
                        + "on e.event_id = d.event_id where " + where + " order by d.created_at desc, d.id limit " + page.size()
                        + " offset " + page.offset()).execute(args))
                .chain(rows -> {
                    List<DeliveryView> items = new ArrayList<>();
                    rows.forEach(r -> items.add(view(r, null)));
                    return pool.preparedQuery("select count(*) from webhook_delivery d where " + where).execute(args)
                            .map(c -> Page.of(items, page, c.iterator().next().getLong(0)));
                });
    }

    public Uni<DeliveryView> delivery(UUID id, UUID deliveryId) {
        return owned(id, false).chain(() -> pool.preparedQuery("select d.*, e.type from webhook_delivery d join event_log e "
                + "on e.event_id = d.event_id where d.id = $1 and d.subscription_id = $2").execute(Tuple.of(deliveryId, id))).chain(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("delivery", deliveryId);
            }
            Row d = rows.iterator().next();
            return pool.preparedQuery("select * from webhook_attempt where delivery_id = $1 order by id").execute(Tuple.of(deliveryId))
                    .map(attempts -> {
                        List<AttemptView> log = new ArrayList<>();
                        attempts.forEach(a -> log.add(new AttemptView(a.getOffsetDateTime("at"), a.getInteger("status_code"),
                                a.getInteger("latency_ms"), a.getString("reason"), a.getString("error"))));
                        return view(d, log);
                    });
        });
    }

    /** Sends one delivery again, whatever its state, with a fresh budget of attempts. */
    public Uni<DeliveryView> replay(UUID id, UUID deliveryId) {
        return owned(id, true).chain(() -> pool.preparedQuery("update webhook_delivery set status = 'PENDING', attempts = 0, "
                        + "next_attempt_at = $3, delivered_at = null where id = $1 and subscription_id = $2 returning id")
                        .execute(Tuple.of(deliveryId, id, OffsetDateTime.now(clock))))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("delivery", deliveryId);
                    }
                    dispatcher.wake();
                    return delivery(id, deliveryId);
                });
    }

    /** Sends again every delivery of the subscription created in a range of days. */
    public Uni<Replayed> replay(UUID id, ReplayRange range) {
        if (range.to().isBefore(range.from())) {
            throw ProblemException.invalidField("to", "on or after from");
        }
        return owned(id, true).chain(() -> pool.preparedQuery("update webhook_delivery set status = 'PENDING', attempts = 0, "
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
                r.getString("status"), r.getInteger("attempts"), r.getInteger("last_status_code"), r.getString("last_reason"), r.getString("last_error"),
                r.getInteger("last_latency_ms"), r.getOffsetDateTime("created_at"), r.getOffsetDateTime("delivered_at"),
                "PENDING".equals(r.getString("status")) ? r.getOffsetDateTime("next_attempt_at") : null, log);
    }

    /**
     * The event types of a subscription, each of the catalogue; a one-stop-shop system's subscription names only types it may
     * receive (403 naming the others).
     */
    private static List<String> types(List<String> in, boolean forIntegration) {
        List<String> types = in.stream().map(String::trim).distinct().toList();
        for (String t : types) {
            if (EventKind.ofType(t).isEmpty()) {
                throw ProblemException.invalidField("eventTypes", "unknown event type " + t + " (see the catalogue in the README)");
            }
        }
        if (forIntegration) {
            List<String> refused = types.stream().filter(t -> !IntegrationView.delivers(EventKind.ofType(t).orElseThrow())).toList();
            if (!refused.isEmpty()) {
                throw ProblemException.forbidden("A one-stop-shop system receives only what its REST reads allow; not " + String.join(", ", refused)
                        + ". It may subscribe to " + String.join(", ", Arrays.asList(IntegrationView.deliveredTypes())) + ".");
            }
        }
        return types;
    }

    /** True when the caller is a one-stop-shop system (its subscriptions are of that kind). */
    private boolean byIntegration() {
        return scope.level() == Scope.Level.INTEGRATION;
    }

    /**
     * Who changes a subscription of {@code province}: its steering committee (while the province exists), or a one-stop-shop
     * system of the province for a subscription of its kind.
     */
    private void requireManager(String province, boolean forIntegration) {
        if (!byIntegration()) {
            scope.requireProvinceWrite(province);
            return;
        }
        scope.requireProvinceRead(province);
        if (!forIntegration) {
            throw ProblemException.forbidden("This subscription is the steering committee's; a one-stop-shop system manages only those of "
                    + "one-stop-shop systems.");
        }
    }

    /** Who reads a subscription: those who read its province's records; a one-stop-shop system only those of its kind. */
    private void requireReader(String province, boolean forIntegration) {
        scope.requireProvinceRead(province);
        if (byIntegration() && !forIntegration) {
            throw ProblemException.forbidden("This subscription is the steering committee's; a one-stop-shop system reads only those of "
                    + "one-stop-shop systems.");
        }
    }

    /** An agency a subscription narrows to: one whose events the caller reads. */
    private Uni<Void> agencyFilter(UUID agencyId) {
        if (agencyId == null) {
            return Uni.createFrom().voidItem();
        }
        return agencies.named("agencyId", agencyId).invoke(scope::requireRead).replaceWithVoid();
    }

    private Uni<WebhookSubscription> load(UUID id) {
        return WebhookSubscription.<WebhookSubscription>findById(id).map(s -> {
            if (s == null) {
                throw ProblemException.notFound("webhook", id);
            }
            return s;
        });
    }

    private Uni<WebhookSubscription> readable(UUID id) {
        return load(id).invoke(s -> requireReader(s.provinceCode, s.forIntegration));
    }

    private Uni<WebhookSubscription> writable(UUID id) {
        return load(id).invoke(s -> requireManager(s.provinceCode, s.forIntegration));
    }

    /** The delivery log of a subscription: read ({@code change} false) or replayed. */
    private Uni<Void> owned(UUID id, boolean change) {
        return pool.preparedQuery("select province_code, for_integration from webhook_subscription where id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("webhook", id);
            }
            Row r = rows.iterator().next();
            if (change) {
                requireManager(r.getString(0), r.getBoolean(1));
            } else {
                requireReader(r.getString(0), r.getBoolean(1));
            }
            return null;
        });
    }
}
