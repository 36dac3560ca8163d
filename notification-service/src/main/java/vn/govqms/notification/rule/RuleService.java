package vn.govqms.notification.rule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.audit.AuditTrail;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.web.ETags;
import vn.govqms.notification.Scopes;
import vn.govqms.notification.contact.Contact;
import vn.govqms.notification.event.EventKind;
import vn.govqms.notification.rule.RuleDtos.RuleInput;
import vn.govqms.notification.rule.RuleDtos.RuleView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The rules: defaults (read-only) and each province's own, written by its province-admin. */
@ApplicationScoped
public class RuleService {

    private final AuditTrail trail;
    private final Clock clock;

    public RuleService(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** The defaults and the caller's province's rules, with which are in force there. */
    @WithSession
    public Uni<Page<RuleView>> list(String eventType, PageRequest page, Caller caller) {
        String province = Scopes.province(caller);
        String where = "(provinceCode is null or provinceCode = :province)" + (eventType == null ? "" : " and eventType = :type");
        Parameters params = Parameters.with("province", province);
        if (eventType != null) {
            params.and("type", eventType);
        }
        var query = NotificationRule.<NotificationRule>find(where, Sort.by("eventType").and("recipientKind").and("id"), params);
        Uni<List<String>> overridden = NotificationRule.<NotificationRule>find("provinceCode = ?1", province).list()
                .map(l -> l.stream().map(r -> r.eventType).distinct().toList());
        return overridden.chain(types -> query.page(page.page(), page.size()).list().chain(items -> query.count().map(total ->
                Page.of(items.stream().map(r -> RuleView.of(r, !r.isDefault() || !types.contains(r.eventType))).toList(), page, total))));
    }

    @WithSession
    public Uni<RuleView> get(UUID id, Caller caller) {
        return require(id, caller).map(r -> RuleView.of(r, true));
    }

    @WithTransaction
    public Uni<RuleView> create(RuleInput in, Caller caller) {
        String province = Scopes.province(caller);
        caller.requireProvince(province);
        return check(in, province).chain(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            NotificationRule r = new NotificationRule();
            r.id = UUID.randomUUID();
            r.provinceCode = province;
            r.createdAt = now;
            apply(r, in, now);
            return r.<NotificationRule>persist().chain(x -> Panache.getSession()).chain(s -> s.flush().chain(() ->
                    trail.record(s, "rule", r.id, null, "created", caller.subject(), null, RuleView.of(r, true))))
                    .map(x -> RuleView.of(r, true));
        });
    }

    @WithTransaction
    public Uni<RuleView> update(UUID id, RuleInput in, String ifMatch, Caller caller) {
        return require(id, caller).chain(r -> {
            writable(r, caller);
            ETags.requireMatch(ifMatch, r.version);
            if (!r.eventType.equals(in.eventType())) {
                throw ProblemException.invalidField("eventType", "a rule keeps its event type; create another rule");
            }
            return check(in, r.provinceCode).chain(() -> {
                RuleView before = RuleView.of(r, true);
                apply(r, in, OffsetDateTime.now(clock));
                return Panache.getSession().chain(s -> s.flush().chain(() -> trail.record(s, "rule", r.id, null, "updated",
                        caller.subject(), before, RuleView.of(r, true)))).map(x -> RuleView.of(r, true));
            });
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return require(id, caller).chain(r -> {
            writable(r, caller);
            return Panache.getSession().chain(s -> trail.record(s, "rule", r.id, null, "deleted", caller.subject(),
                    RuleView.of(r, true), null)).chain(() -> r.delete());
        });
    }

    private Uni<Void> check(RuleInput in, String province) {
        if (EventKind.ofType(in.eventType()).filter(k -> !k.madeHere()).isEmpty()) {
            throw ProblemException.invalidField("eventType", "not an event type of the catalogue (see GET /api/v1/rules)");
        }
        switch (in.recipientKind()) {
            case AGENCY_ROLE -> {
                if (in.recipientRole() == null) {
                    throw ProblemException.invalidField("recipientRole", "required for AGENCY_ROLE");
                }
            }
            case CONTACT -> {
                if (in.contactId() == null) {
                    throw ProblemException.invalidField("contactId", "required for CONTACT");
                }
                return Contact.<Contact>findById(in.contactId()).map(c -> {
                    if (c == null || !province.equals(c.provinceCode)) {
                        throw ProblemException.unprocessable("unknown-reference", "Unknown contact",
                                "No contact " + in.contactId() + " in province " + province + ".", Map.of("field", "contactId"));
                    }
                    return c;
                }).replaceWithVoid();
            }
            default -> {
            }
        }
        if (in.recipientKind() != RecipientKind.AGENCY_ROLE && in.recipientRole() != null) {
            throw ProblemException.invalidField("recipientRole", "only for AGENCY_ROLE");
        }
        if (in.recipientKind() != RecipientKind.CONTACT && in.contactId() != null) {
            throw ProblemException.invalidField("contactId", "only for CONTACT");
        }
        return Uni.createFrom().voidItem();
    }

    private static void apply(NotificationRule r, RuleInput in, OffsetDateTime now) {
        r.eventType = in.eventType();
        r.recipientKind = in.recipientKind();
        r.recipientRole = in.recipientRole();
        r.contactId = in.contactId();
        Set<RuleChannel> channels = new HashSet<>(in.channels());
        r.channels = channels.stream().sorted().map(Enum::name).toArray(String[]::new);
        r.urgency = in.urgency();
        r.enabled = in.enabled() == null || in.enabled();
        r.updatedAt = now;
    }

    private static void writable(NotificationRule r, Caller caller) {
        if (r.isDefault()) {
            throw ProblemException.forbidden("Default rules are read-only; create a rule of your province for "
                    + r.eventType + " instead (it replaces the defaults of that type in your province).");
        }
        caller.requireProvince(r.provinceCode);
    }

    private Uni<NotificationRule> require(UUID id, Caller caller) {
        return NotificationRule.<NotificationRule>findById(id).map(r -> {
            if (r == null || (!r.isDefault() && !r.provinceCode.equals(caller.provinceCode().orElse(null)))) {
                throw ProblemException.notFound("rule", id);
            }
            return r;
        });
    }
}
