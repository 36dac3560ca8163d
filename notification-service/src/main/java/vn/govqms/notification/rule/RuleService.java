package vn.govqms.notification.rule;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;
import vn.govqms.notification.agency.AgencyLookup;
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

/**
 * The rules: defaults (read-only) and each province's own, written by that province's province-admin while the province
 * exists; read by those who read the province's records, and by an agency's people for their agency's province.
 */
@ApplicationScoped
public class RuleService {

    @Inject AgencyLookup agencies;
    @Inject Scope scope;
    @Inject UnitOfWork work;
    @Inject Clock clock;

    /** The defaults and a province's rules (the one asked for, else the caller's own), with which are in force there. */
    @WithSession
    public Uni<Page<RuleView>> list(String eventType, String provinceCode, PageRequest page) {
        return provinceOf(provinceCode).chain(province -> {
            Where where = province == null ? new Where().add("provinceCode is null", Map.of())
                    : new Where().add("(provinceCode is null or provinceCode = :province)", Map.of("province", province));
            where.equal("eventType", eventType);
            var query = NotificationRule.<NotificationRule>find(where.jpql(), Sort.by("eventType").and("recipientKind").and("id"), where.parameters());
            Uni<List<String>> overridden = province == null ? Uni.createFrom().item(List.<String>of())
                    : NotificationRule.<NotificationRule>find("provinceCode = ?1", province).list()
                    .map(l -> l.stream().map(r -> r.eventType).distinct().toList());
            return overridden.chain(types -> query.page(page.page(), page.size()).list().chain(items -> query.count().map(total ->
                    Page.of(items.stream().map(r -> RuleView.of(r, !r.isDefault() || !types.contains(r.eventType))).toList(), page, total))));
        });
    }

    @WithSession
    public Uni<RuleView> get(UUID id) {
        return readable(id).map(r -> RuleView.of(r, true));
    }

    @WithTransaction
    public Uni<RuleView> create(RuleInput in, Caller caller) {
        String province = scope.ownProvince();
        scope.requireProvinceWrite(province);
        return check(in, province).chain(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            NotificationRule r = new NotificationRule();
            r.id = UUID.randomUUID();
            r.provinceCode = province;
            r.createdAt = now;
            apply(r, in);
            return r.<NotificationRule>persist().chain(x -> work.record(() -> Outcome.of(trailOf(r).did("created", caller.subject(), null, RuleView.of(r, true)))))
                    .map(x -> RuleView.of(r, true));
        });
    }

    @WithTransaction
    public Uni<RuleView> update(UUID id, RuleInput in, String ifMatch, Caller caller) {
        return readable(id).chain(r -> {
            writable(r);
            ETags.requireMatch(ifMatch, r.version);
            if (!r.eventType.equals(in.eventType())) {
                throw ProblemException.invalidField("eventType", "a rule keeps its event type; create another rule");
            }
            return check(in, r.provinceCode).chain(() -> {
                RuleView before = RuleView.of(r, true);
                apply(r, in);
                return work.record(() -> Outcome.of(trailOf(r).did("updated", caller.subject(), before, RuleView.of(r, true)))).map(x -> RuleView.of(r, true));
            });
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return readable(id).chain(r -> {
            writable(r);
            return work.record(() -> Outcome.of(trailOf(r).did("deleted", caller.subject(), RuleView.of(r, true), null))).chain(() -> r.delete());
        });
    }

    private static TrailEntry.On trailOf(NotificationRule r) {
        return TrailEntry.on("rule", r.id, AgencyLookup.province(r.provinceCode));
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

    private static void apply(NotificationRule r, RuleInput in) {
        r.eventType = in.eventType();
        r.recipientKind = in.recipientKind();
        r.recipientRole = in.recipientRole();
        r.contactId = in.contactId();
        Set<RuleChannel> channels = new HashSet<>(in.channels());
        r.channels = channels.stream().sorted().map(Enum::name).toArray(String[]::new);
        r.urgency = in.urgency();
        r.enabled = in.enabled() == null || in.enabled();
        r.touch();
    }

    private void writable(NotificationRule r) {
        if (r.isDefault()) {
            throw ProblemException.forbidden("Default rules are read-only; create a rule of your province for "
                    + r.eventType + " instead (it replaces the defaults of that type in your province).");
        }
        scope.requireProvinceWrite(r.provinceCode);
    }

    /** A default rule, or a rule of a province the caller reads (its own agency's included). */
    private Uni<NotificationRule> readable(UUID id) {
        return NotificationRule.<NotificationRule>findById(id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("rule", id);
            }
            if (r.isDefault()) {
                return Uni.createFrom().item(r);
            }
            return provinceOf(null).map(own -> {
                if (!r.provinceCode.equals(own)) {
                    scope.requireProvinceRead(r.provinceCode);
                }
                return r;
            });
        });
    }

    /**
     * The province whose rules a caller reads: the one it asks for (a province whose records it reads), else its own: a
     * province's steering committee or one-stop-shop system its token's, an agency's people their agency's; none (the
     * defaults) for the national level and the ministries, whose units are central bodies.
     */
    private Uni<String> provinceOf(String requested) {
        if (requested != null) {
            scope.requireProvinceRead(requested);
            return Uni.createFrom().item(requested);
        }
        scope.rows(); // a missing claim is said as such
        return switch (scope.level()) {
            case PROVINCE, INTEGRATION -> Uni.createFrom().item(scope.ownProvince());
            case AGENCY -> agencies.find(scope.ownAgency())
                    .map(a -> a.map(AgencyRef::provinceCode).filter(p -> !AgencyRef.CENTRAL.equals(p)).orElse(null));
            default -> Uni.createFrom().nullItem();
        };
    }
}
