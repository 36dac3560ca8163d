package vn.govqms.notification.contact;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
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
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;
import vn.govqms.notification.agency.AgencyLookup;
import vn.govqms.notification.contact.ContactDtos.ContactInput;
import vn.govqms.notification.contact.ContactDtos.ContactView;
import vn.govqms.notification.contact.ContactDtos.MutableChannel;
import vn.govqms.notification.contact.ContactDtos.Preferences;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Contacts of an agency, managed by those who may change the agency's records (its head and ISO officer, its province's or
 * its ministry's steering committee), and the members of a province's steering committee, managed by that province's
 * province-admin. Who may read or change which is {@link Scope}'s decision.
 */
@ApplicationScoped
public class ContactService {

    /**
     * The contacts a caller may list: those of the agencies {@link Scope#rows()} admits, and the steering committees of
     * the provinces it reads ({@code $1}: true when it reads every province, {@code $2}: those provinces).
     */
    static final String LISTED = """
            from contact c left join agency_directory a on a.id = c.agency_id
            where case when c.agency_id is null then $1 or c.province_code = any ($2::text[]) else %s end""";

    @Inject AgencyLookup agencies;
    @Inject Scope scope;
    @Inject Pool pool;
    @Inject UnitOfWork work;
    @Inject Clock clock;

    public record Filter(UUID agencyId, String provinceCode, ContactRole role, Boolean steeringCommittee) {
    }

    @WithTransaction
    public Uni<ContactView> create(ContactInput in, Caller caller) {
        return writableScopeOf(in).chain(ref -> {
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
            }).chain(saved -> work.record(() -> Outcome.of(TrailEntry.on("contact", c.id, ref).did("created", caller.subject(), null, ContactView.of(c)))))
                    .map(x -> ContactView.of(c));
        });
    }

    /** The contacts of the agencies and steering committees the caller reads, by name; filters narrow within that. */
    public Uni<Page<ContactView>> list(Filter f, PageRequest page) {
        AgencyFilter rows = scope.rows();
        List<Object> args = AgencyFilter.arguments(rows.all(), rows.provinces().toArray(new String[0]));
        String where = LISTED.formatted(rows.sqlAppending("a", args));
        Uni<Void> check = Uni.createFrom().voidItem();
        if (f.agencyId() != null) {
            check = agencies.named("agencyId", f.agencyId()).invoke(scope::requireRead).replaceWithVoid();
            args.add(f.agencyId());
            where += " and c.agency_id = $" + args.size();
        }
        if (f.provinceCode() != null) {
            args.add(f.provinceCode());
            where += " and c.province_code = $" + args.size();
        }
        if (f.steeringCommittee() != null) {
            where += f.steeringCommittee() ? " and c.agency_id is null" : " and c.agency_id is not null";
        }
        if (f.role() != null) {
            args.add(f.role().name());
            where += " and $" + args.size() + " = any (c.roles)";
        }
        String condition = where;
        int n = args.size();
        List<Object> paged = new ArrayList<>(args);
        paged.add(page.size());
        paged.add(page.offset());
        return check.chain(() -> pool.preparedQuery("select c.* " + condition + " order by c.name, c.id limit $" + (n + 1) + " offset $" + (n + 2))
                        .execute(Tuple.from(paged)))
                .chain(found -> {
                    List<ContactView> items = new ArrayList<>();
                    for (Row r : found) {
                        items.add(ContactView.of(Contact.from(r)));
                    }
                    return pool.preparedQuery("select count(*) " + condition).execute(Tuple.from(args))
                            .map(count -> Page.of(items, page, count.iterator().next().getLong(0)));
                });
    }

    @WithSession
    public Uni<ContactView> get(UUID id) {
        return Contact.<Contact>findById(id).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("contact", id);
            }
            if (c.steeringCommittee()) {
                scope.requireProvinceRead(c.provinceCode);
                return Uni.createFrom().item(ContactView.of(c));
            }
            return agencies.of(c.agencyId).map(ref -> {
                scope.requireRead(ref);
                return ContactView.of(c);
            });
        });
    }

    @WithTransaction
    public Uni<ContactView> update(UUID id, ContactInput in, String ifMatch, Caller caller) {
        return writable(id).chain(w -> {
            Contact c = w.contact();
            ETags.requireMatch(ifMatch, c.version);
            if (in.agencyId() != null && !in.agencyId().equals(c.agencyId)
                    || in.agencyId() == null && c.agencyId != null) {
                throw ProblemException.invalidField("agencyId", "a contact does not move between agencies; delete it and create another");
            }
            ContactView before = ContactView.of(c);
            apply(c, in, OffsetDateTime.now(clock));
            return work.record(() -> Outcome.of(TrailEntry.on("contact", c.id, w.ref()).did("updated", caller.subject(), before, ContactView.of(c))))
                    .map(x -> ContactView.of(c));
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, Caller caller) {
        return writable(id).chain(w -> work.record(() -> Outcome.of(TrailEntry.on("contact", w.contact().id, w.ref()).did("deleted", caller.subject(),
                ContactView.of(w.contact()), null))).chain(() -> w.contact().delete()));
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
                        .chain(() -> Multi.createFrom().items(channels)
                                .onItem().transformToUniAndConcatenate(ch -> s.createNativeQuery(
                                        "insert into channel_mute (subject, channel) values (?1, ?2)")
                                        .setParameter(1, caller.subject()).setParameter(2, ch).executeUpdate())
                                .collect().last())
                        .chain(() -> work.record(s, () -> Outcome.of(TrailEntry.on("preferences", caller.subject(), null).did("updated", caller.subject(), before,
                                new Preferences(in.mutedChannels().stream().distinct().toList())))))))
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
        boolean wasOfficer = c.roles != null && c.isoOfficer();
        c.roles = roles.stream().map(Enum::name).toArray(String[]::new);
        c.digest = Boolean.TRUE.equals(in.digest());
        c.isoOfficerSince = isoOfficerSince(c, in, wasOfficer, now.toLocalDate());
        c.touch();
    }

    /**
     * When the contact became the ISO officer: the date given (a correction while the role stays), else today for a role
     * newly given, else the date already recorded; none without the role. The training check counts its period from it.
     */
    private static LocalDate isoOfficerSince(Contact c, ContactInput in, boolean wasOfficer, LocalDate today) {
        if (!c.isoOfficer()) {
            if (in.isoOfficerSince() != null) {
                throw ProblemException.invalidField("isoOfficerSince", "only for a contact with the role ISO_OFFICER");
            }
            return null;
        }
        if (in.isoOfficerSince() != null) {
            if (in.isoOfficerSince().isAfter(today)) {
                throw ProblemException.invalidField("isoOfficerSince", "not after today (" + today + ")");
            }
            return in.isoOfficerSince();
        }
        return wasOfficer && c.isoOfficerSince != null ? c.isoOfficerSince : today;
    }

    /** Where a new contact belongs (an agency, or a province's steering committee), once the caller may change it there. */
    private Uni<AgencyRef> writableScopeOf(ContactInput in) {
        if (in.agencyId() == null) {
            if (in.provinceCode() == null) {
                throw ProblemException.invalidField("provinceCode", "required for a steering-committee member (no agencyId)");
            }
            scope.requireProvinceWrite(in.provinceCode());
            return Uni.createFrom().item(AgencyLookup.province(in.provinceCode()));
        }
        if (in.provinceCode() != null) {
            throw ProblemException.invalidField("provinceCode", "only for a steering-committee member; an agency's province comes from the agency");
        }
        return agencies.named("agencyId", in.agencyId()).invoke(scope::requireWrite);
    }

    /** A contact with the key it is kept under in the audit trail. */
    public record ContactAccess(Contact contact, AgencyRef ref) {
    }

    /** Loads a contact the caller may read (its agency's records, or its province's steering committee); 404 when unknown. */
    public Uni<ContactAccess> readable(UUID id) {
        return Contact.<Contact>findById(id).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("contact", id);
            }
            if (c.steeringCommittee()) {
                scope.requireProvinceRead(c.provinceCode);
                return Uni.createFrom().item(new ContactAccess(c, AgencyLookup.province(c.provinceCode)));
            }
            return agencies.of(c.agencyId).map(ref -> new ContactAccess(c, scope.requireRead(ref)));
        });
    }

    /** Loads a contact the caller may change: its agency's records, or its province's steering committee. */
    public Uni<ContactAccess> writable(UUID id) {
        return Contact.<Contact>findById(id).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("contact", id);
            }
            if (c.steeringCommittee()) {
                scope.requireProvinceWrite(c.provinceCode);
                return Uni.createFrom().item(new ContactAccess(c, AgencyLookup.province(c.provinceCode)));
            }
            return agencies.of(c.agencyId).map(ref -> new ContactAccess(c, scope.requireWrite(ref)));
        });
    }
}
