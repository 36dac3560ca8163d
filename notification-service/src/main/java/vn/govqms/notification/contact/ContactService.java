package vn.govqms.notification.contact;

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
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.web.ETags;
import vn.govqms.notification.Scopes;
import vn.govqms.notification.contact.ContactDtos.ContactInput;
import vn.govqms.notification.contact.ContactDtos.ContactView;
import vn.govqms.notification.contact.ContactDtos.MutableChannel;
import vn.govqms.notification.contact.ContactDtos.Preferences;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Contacts, managed by the province-admin (its province's agencies and steering committee) and by the agency itself (its
 * head and ISO officer).
 */
@ApplicationScoped
public class ContactService {

    private final Scopes scopes;
    private final AuditTrail trail;
    private final Clock clock;

    public ContactService(Scopes scopes, AuditTrail trail, Clock clock) {
        this.scopes = scopes;
        this.trail = trail;
        this.clock = clock;
    }

    public record Filter(UUID agencyId, String provinceCode, ContactRole role, Boolean steeringCommittee) {
    }

    @WithTransaction
    public Uni<ContactView> create(ContactInput in, Caller caller) {
        return scopeOf(in, caller).chain(ref -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Contact c = new Contact();
            c.id = UUID.randomUUID();
            c.agencyId = in.agencyId();
            c.provinceCode = ref.provinceCode();
            c.createdAt = now;
            apply(c, in, now);
            String query = c.agencyId == null ? "agencyId is null and provinceCode = ?1 and subject = ?2" : "agencyId = ?1 and subject = ?2";
            Object scopeKey = c.agencyId == null ? c.provinceCode : c.agencyId;
            return Contact.count(query, scopeKey, c.subject).chain(n -> {
                if (n > 0) {
                    throw ProblemException.conflict("Subject " + c.subject + " is already a contact "
                            + (c.agencyId == null ? "of the steering committee of province " + c.provinceCode : "of agency " + c.agencyId) + ".");
                }
                return c.<Contact>persist();
            }).chain(saved -> Panache.getSession().chain(s -> s.flush().chain(() -> trail.record(s, "contact", c.id,
                    ref(c), "created", caller.subject(), null, ContactView.of(c))))).map(x -> ContactView.of(c));
        });
    }

    @WithSession
    public Uni<Page<ContactView>> list(Filter f, PageRequest page, Caller caller) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        Uni<Void> check = Uni.createFrom().voidItem();
        if (f.agencyId() != null) {
            check = scopes.agency("agencyId", f.agencyId()).invoke(caller::requireAgency).replaceWithVoid();
            where.add("agencyId = :agency");
            params.and("agency", f.agencyId());
        } else if (caller.hasProvinceScope()) {
            String province = Scopes.province(caller);
            if (f.provinceCode() != null && !f.provinceCode().equals(province)) {
                caller.requireProvince(f.provinceCode());
            }
            where.add("provinceCode = :province");
            params.and("province", province);
        } else {
            where.add("agencyId = :agency");
            params.and("agency", Scopes.ownAgency(caller));
        }
        if (f.steeringCommittee() != null) {
            where.add(f.steeringCommittee() ? "agencyId is null" : "agencyId is not null");
        }
        if (f.role() != null) {
            where.add("array_contains(roles, :role)");
            params.and("role", f.role().name());
        }
        var query = Contact.<Contact>find(String.join(" and ", where), Sort.by("name").and("id"), params);
        return check.chain(() -> query.page(page.page(), page.size()).list())
                .chain(items -> query.count().map(total -> Page.of(items.stream().map(ContactView::of).toList(), page, total)));
    }

    @WithSession
    public Uni<ContactView> get(UUID id, Caller caller) {
        return require(id, caller, false).map(ContactView::of);
    }

    @WithTransaction
    public Uni<ContactView> update(UUID id, ContactInput in, String ifMatch, Caller caller) {
        return require(id, caller, true).chain(c -> {
            ETags.requireMatch(ifMatch, c.version);
            if (in.agencyId() != null && !in.agencyId().equals(c.agencyId)
                    || in.agencyId() == null && c.agencyId != null) {
                throw ProblemException.invalidField("agencyId", "a contact does not move between agencies; delete it and create another");
            }
            ContactView before = ContactView.of(c);
            apply(c, in, OffsetDateTime.now(clock));
            return Panache.getSession().chain(s -> s.flush().chain(() -> trail.record(s, "contact", c.id, ref(c), "updated",
                    caller.subject(), before, ContactView.of(c)))).map(x -> ContactView.of(c));
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return require(id, caller, true).chain(c -> Panache.getSession().chain(s -> trail.record(s, "contact", c.id, ref(c),
                "deleted", caller.subject(), ContactView.of(c), null).chain(() -> c.delete())));
    }

    /** The caller's muted channels. */
    @WithSession
    public Uni<Preferences> preferences(Caller caller) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select channel from channel_mute where subject = ?1 order by channel", String.class)
                .setParameter(1, caller.subject()).getResultList())
                .map(rows -> new Preferences(rows.stream().map(MutableChannel::valueOf).toList()));
    }

    @WithTransaction
    public Uni<Preferences> mute(Preferences in, Caller caller) {
        String[] channels = in.mutedChannels().stream().map(Enum::name).distinct().toArray(String[]::new);
        return preferences(caller).chain(before -> Panache.getSession().chain(s ->
                s.createNativeQuery("delete from channel_mute where subject = ?1").setParameter(1, caller.subject()).executeUpdate()
                        .chain(() -> io.smallrye.mutiny.Multi.createFrom().items(channels)
                                .onItem().transformToUniAndConcatenate(ch -> s.createNativeQuery(
                                        "insert into channel_mute (subject, channel) values (?1, ?2)")
                                        .setParameter(1, caller.subject()).setParameter(2, ch).executeUpdate())
                                .collect().last())
                        .chain(() -> trail.record(s, "preferences", caller.subject(), null, "updated", caller.subject(), before,
                                new Preferences(in.mutedChannels().stream().distinct().toList())))))
                .chain(() -> preferences(caller));
    }

    private void apply(Contact c, ContactInput in, OffsetDateTime now) {
        c.subject = in.subject().trim();
        c.name = in.name().trim();
        c.email = in.email() == null || in.email().isBlank() ? null : in.email().trim();
        c.language = in.language() == null ? Language.vi.name() : in.language().name();
        List<ContactRole> roles = in.roles() == null ? List.of() : in.roles().stream().distinct().toList();
        if (c.agencyId == null && !roles.isEmpty()) {
            throw ProblemException.invalidField("roles", "a steering-committee member has no roles in an agency");
        }
        c.roles = roles.stream().map(Enum::name).toArray(String[]::new);
        c.digest = Boolean.TRUE.equals(in.digest());
        c.updatedAt = now;
    }

    /** The scope a new contact falls in, checked against the caller. */
    private Uni<AgencyRef> scopeOf(ContactInput in, Caller caller) {
        if (in.agencyId() == null) {
            if (in.provinceCode() == null) {
                throw ProblemException.invalidField("provinceCode", "required for a steering-committee member (no agencyId)");
            }
            if (!caller.hasRole(Roles.PROVINCE_ADMIN)) {
                throw ProblemException.forbidden("Only the province-admin manages the steering committee's contacts.");
            }
            caller.requireProvince(in.provinceCode());
            return Uni.createFrom().item(new AgencyRef(null, in.provinceCode()));
        }
        if (in.provinceCode() != null) {
            throw ProblemException.invalidField("provinceCode", "only for a steering-committee member; an agency's province comes from the agency");
        }
        return scopes.agency("agencyId", in.agencyId()).invoke(caller::requireAgency);
    }

    /** Loads a contact in the caller's scope; {@code write}: the steering committee is the province-admin's only. */
    private Uni<Contact> require(UUID id, Caller caller, boolean write) {
        return Contact.<Contact>findById(id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("contact", id);
            }
            if (c.agencyId == null) {
                if (write && !caller.hasRole(Roles.PROVINCE_ADMIN)) {
                    throw ProblemException.forbidden("Only the province-admin manages the steering committee's contacts.");
                }
                caller.requireProvince(c.provinceCode);
            } else {
                caller.requireAgency(new AgencyRef(c.agencyId, c.provinceCode));
            }
            return c;
        });
    }

    private static AgencyRef ref(Contact c) {
        // steering-committee contacts belong to no agency: the trail records them without one
        return c.agencyId == null ? null : new AgencyRef(c.agencyId, c.provinceCode);
    }
}
