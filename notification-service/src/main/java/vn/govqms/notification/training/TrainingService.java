package vn.govqms.notification.training;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
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
import vn.govqms.notification.contact.Contact;
import vn.govqms.notification.contact.ContactService;
import vn.govqms.notification.training.TrainingDtos.ProvinceFigures;
import vn.govqms.notification.training.TrainingDtos.TrainingInput;
import vn.govqms.notification.training.TrainingDtos.TrainingStatus;
import vn.govqms.notification.training.TrainingDtos.TrainingView;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Trainings of an agency's people, recorded by whoever may change the contact (its agency's head and ISO officer, its
 * province's or ministry's steering committee; a committee member's by the province), and read by whoever reads it: the
 * contact's own {@link Scope} decision. Recording one clears the contact's open flag at once. The province's figures (how
 * many agencies have a trained ISO officer) are read province by province, through {@link Scope} as well.
 */
@ApplicationScoped
public class TrainingService {

    /** A training recorded ($1 contact, $2 when, $3 the training): its open flag is cleared and its unread inbox items with it. */
    static final String CLEAR = """
            with cleared as (
              update iso_officer_training_flag set cleared_at = ?2, cleared_reason = 'TRAINING', training_id = ?3
              where contact_id = ?1 and cleared_at is null
              returning event_id)
            update notification n set read_at = ?2 from cleared
            where n.event_id = cleared.event_id and n.channel = 'INBOX' and n.read_at is null""";

    /**
     * Per province ({@code %s}: the caller's scope or the province asked for, over agency_directory {@code a}): the agencies in
     * force on $1, those with an ISO officer, those whose every officer is trained, and those with an officer untrained past the
     * period ($2/$3/$4: its years, months, days). The central bodies ($5) are no province.
     */
    static final String FIGURES = """
            with agencies as (
              select a.id, a.province_code from agency_directory a
              where %s and a.province_code <> $5
                and (a.valid_from is null or a.valid_from <= $1::date) and (a.valid_to is null or a.valid_to >= $1::date)
            ), officers as (
              select c.agency_id, count(*) as officers,
                     count(*) filter (where t.trained) as trained,
                     count(*) filter (where not t.trained and (c.iso_officer_since + make_interval($2, $3, 0, $4))::date < $1::date) as overdue
              from contact c join agencies a on a.id = c.agency_id
              cross join lateral (select exists (select 1 from contact_training x where x.contact_id = c.id) as trained) t
              where 'ISO_OFFICER' = any (c.roles)
              group by c.agency_id
            )
            select a.province_code, count(*) as agencies, count(o.agency_id) as with_officer,
                   count(*) filter (where o.trained = o.officers) as trained, count(*) filter (where o.overdue > 0) as overdue,
                   count(*) over () as total
            from agencies a left join officers o on o.agency_id = a.id
            group by a.province_code
            order by a.province_code""";

    @Inject ContactService contacts;
    @Inject Scope scope;
    @Inject Pool pool;
    @Inject UnitOfWork work;
    @Inject TrainingConfig config;
    @Inject Clock clock;

    @WithTransaction
    public Uni<TrainingView> record(UUID contactId, TrainingInput in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (in.trainedOn().isAfter(now.toLocalDate())) {
            throw ProblemException.invalidField("trainedOn", "not after today (" + now.toLocalDate() + ")");
        }
        return contacts.writable(contactId).chain(w -> {
            ContactTraining t = new ContactTraining();
            t.id = UUID.randomUUID();
            t.contactId = w.contact().id;
            t.title = in.title().trim();
            t.trainedOn = in.trainedOn();
            t.certificateNumber = blankToNull(in.certificateNumber());
            t.certificateIssuer = blankToNull(in.certificateIssuer());
            t.recordedBy = caller.subject();
            t.recordedAt = now;
            return t.<ContactTraining>persist().chain(() -> Panache.getSession()).chain(s -> work.record(s, () -> Outcome.of(TrailEntry.on("contact-training", t.id, w.ref())
                            .did("recorded", caller.subject(), null, TrainingView.of(t))))
                    .chain(() -> s.createNativeQuery(CLEAR).setParameter(1, t.contactId).setParameter(2, now).setParameter(3, t.id).executeUpdate()))
                    .map(x -> TrainingView.of(t));
        });
    }

    /** A contact's trainings, the latest first. */
    @WithSession
    public Uni<Page<TrainingView>> list(UUID contactId, PageRequest page) {
        return contacts.readable(contactId).chain(r -> {
            var query = ContactTraining.<ContactTraining>find("contactId = :c order by trainedOn desc, recordedAt desc, id",
                    Parameters.with("c", contactId));
            return query.page(page.page(), page.size()).list()
                    .chain(items -> query.count().map(total -> Page.of(items.stream().map(TrainingView::of).toList(), page, total)));
        });
    }

    /** Whether the contact, as ISO officer, is trained, by when it must be, and whether its head and committee were told. */
    @WithSession
    public Uni<TrainingStatus> status(UUID contactId) {
        return contacts.readable(contactId).chain(r -> {
            Contact c = r.contact();
            return ContactTraining.count("contactId", contactId).chain(trainings -> pool.preparedQuery(
                            "select flagged_at, cleared_at from iso_officer_training_flag where contact_id = $1 and officer_since = $2")
                    .execute(Tuple.of(contactId, c.isoOfficerSince))
                    .map(flags -> {
                        Row flag = flags.size() == 0 ? null : flags.iterator().next();
                        OffsetDateTime flaggedAt = flag == null ? null : flag.getOffsetDateTime("flagged_at");
                        OffsetDateTime clearedAt = flag == null ? null : flag.getOffsetDateTime("cleared_at");
                        LocalDate due = c.isoOfficerSince == null ? null : c.isoOfficerSince.plus(config.isoOfficerPeriod());
                        return new TrainingStatus(c.id, c.isoOfficer(), c.isoOfficerSince, due, trainings, trainings > 0,
                                flaggedAt != null && clearedAt == null, flaggedAt, clearedAt);
                    }));
        });
    }

    /**
     * The share of agencies whose ISO officer is trained, per province: the one asked for (if the caller reads it), else every
     * province the caller reads (national-admin: all of them; a province-admin: its own and those merged into it).
     */
    public Uni<Page<ProvinceFigures>> figures(String provinceCode, PageRequest page) {
        LocalDate today = LocalDate.now(clock);
        Period p = config.isoOfficerPeriod();
        List<Object> args = AgencyFilter.arguments(today, p.getYears(), p.getMonths(), p.getDays(), AgencyRef.CENTRAL);
        String where;
        if (provinceCode != null) {
            scope.requireProvinceRead(provinceCode);
            args.add(provinceCode);
            where = "a.province_code = $" + args.size();
        } else {
            where = scope.rows().sqlAppending("a", args);
        }
        args.add(page.size());
        args.add(page.offset());
        String sql = FIGURES.formatted(where) + " limit $" + (args.size() - 1) + " offset $" + args.size();
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<ProvinceFigures> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                items.add(ProvinceFigures.of(r.getString("province_code"), today, r.getLong("agencies"), r.getLong("with_officer"),
                        r.getLong("trained"), r.getLong("overdue")));
            }
            return Page.of(items, page, total);
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
