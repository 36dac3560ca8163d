package vn.govqms.document.province;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.document.province.ProvinceDtos.Link;
import vn.govqms.document.province.ProvinceDtos.MergerView;
import vn.govqms.document.province.ProvinceDtos.NameView;
import vn.govqms.document.province.ProvinceDtos.NewMerger;
import vn.govqms.document.province.ProvinceDtos.ProvinceDetail;
import vn.govqms.document.province.ProvinceDtos.ProvinceView;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The national register of provinces: who they were on a day, their history, and the mergers national-admin
 * records. A merger changes the register, the kit's {@code province_succession} (from which {@link Scope}
 * decides which steering committee continues which province) and publishes {@code province.merged}, all in one
 * transaction; this instance's {@link ProvinceRegister} is reloaded after the commit, the others within seconds.
 */
@ApplicationScoped
public class ProvinceService {

    /** The kit's {@code ProvinceSuccessionHandler.record}, in this service's Hibernate session. */
    private static final String SUCCESSION = """
            insert into province_succession (code, successor_code, effective_date)
            select unnest(cast(cast(?1 as text) as text[])), ?2, cast(?3 as date)
            on conflict (code) do update set successor_code = excluded.successor_code, effective_date = excluded.effective_date""";

    @Inject ProvinceRepository provinces;
    @Inject ProvinceRegister register;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject Scope scope;

    /** A merger as recorded, and whether this request recorded it (false: the same merger was asked again). */
    public record Recorded(MergerView merger, boolean created) {
    }

    @WithSession
    public Uni<Page<ProvinceView>> list(LocalDate asOf, PageRequest page) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        return provinces.existingOn(day, page).chain(found -> provinces.names(found.items().stream().map(p -> p.code).toList())
                .map(names -> {
                    Map<String, String> nameOn = names.stream().filter(n -> n.validOn(day))
                            .collect(Collectors.toMap(n -> n.code, n -> n.name, (a, b) -> b));
                    return found.map(p -> ProvinceView.of(p, nameOn.getOrDefault(p.code, p.name)));
                }));
    }

    @WithSession
    public Uni<ProvinceDetail> get(String code) {
        LocalDate today = LocalDate.now(clock);
        return provinces.findById(code).chain(province -> {
            if (province == null) {
                throw ProblemException.notFound("province", code);
            }
            return provinces.list("successorCode = ?1 order by code", code).chain(predecessors -> {
                Set<String> codes = new HashSet<>();
                codes.add(code);
                predecessors.forEach(p -> codes.add(p.code));
                if (province.successorCode != null) {
                    codes.add(province.successorCode);
                }
                return provinces.names(codes).map(names -> detail(province, predecessors, names, today));
            });
        });
    }

    /**
     * Records a merger (national-admin only). The same merger asked again changes nothing and answers it as
     * recorded; another merger into the same code on the same day is a conflict.
     */
    public Uni<Recorded> merge(NewMerger in, Caller caller) {
        scope.requireNational("Only " + Roles.NATIONAL_ADMIN + " (Bộ Khoa học và Công nghệ or the national operator) records "
                + "province mergers.");
        ProvinceMerger wanted = ProvinceMerger.of(in, OffsetDateTime.now(clock));
        return Panache.withTransaction(() -> provinces.mergerAt(wanted.code, wanted.effectiveDate).chain(existing -> {
            if (existing == null) {
                return record(wanted, caller).map(view -> new Recorded(view, true));
            }
            if (!existing.sameAs(wanted)) {
                throw ProblemException.conflict("A merger into province " + existing.code + " effective " + existing.effectiveDate
                        + " is recorded already: " + existing.sources() + " as " + existing.name + " by " + existing.decision + ".");
            }
            return Uni.createFrom().item(new Recorded(MergerView.of(existing), false));
        })).call(recorded -> recorded.created()
                ? register.reload().invoke(s -> Log.infof("Province merger recorded: %s continue as %s (%s) from %s",
                        recorded.merger().sourceCodes(), recorded.merger().code(), recorded.merger().name(),
                        recorded.merger().effectiveDate()))
                : Uni.createFrom().nullItem());
    }

    private Uni<MergerView> record(ProvinceMerger m, Caller caller) {
        OffsetDateTime now = m.recordedAt;
        return provinces.list("code in ?1", m.sources()).chain(found -> {
            Map<String, Province> byCode = found.stream().collect(Collectors.toMap(p -> p.code, Function.identity()));
            List<String> unknown = m.sources().stream().filter(c -> !byCode.containsKey(c)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.unprocessable("unknown-province", "Unknown province",
                        "sourceCodes: " + unknown + " are not provinces of the national register.",
                        Map.of("field", "sourceCodes", "codes", unknown));
            }
            m.sources().forEach(c -> byCode.get(c).requireMergeableOn(m.effectiveDate));
            return provinces.names(List.of(m.code)).chain(names -> {
                Province continuing = byCode.get(m.code);
                ProvinceName current = names.stream().filter(n -> n.validTo == null).reduce((a, b) -> b).orElse(null);
                if (current != null && current.validFrom != null && !current.validFrom.isBefore(m.effectiveDate)) {
                    throw ProblemException.invalidField("effectiveDate", "province " + m.code + " bears the name " + current.name
                            + " from " + current.validFrom + " only");
                }
                List<Object> created = new ArrayList<>();
                if (current == null || !current.name.equals(m.name)) {
                    if (current != null) {
                        current.validTo = m.effectiveDate.minusDays(1);
                    }
                    created.add(ProvinceName.from(m.code, m.name, m.effectiveDate, m.decision));
                }
                created.add(m);
                m.mergedCodes().forEach(c -> byCode.get(c).mergeInto(m.code, m.effectiveDate, m.decision, now));
                continuing.continueAs(m.name, m.decision, now);
                MergerView view = MergerView.of(m);
                return Panache.getSession().chain(session -> session.persistAll(created.toArray())
                        .chain(session::flush)
                        .chain(() -> successions(session, m))
                        .chain(() -> work.record(session, () -> Outcome.of(TrailEntry.on("province", m.code, null).did("merged", caller.subject(), null, view),
                                ProvinceEvents.merged(m, now)))))
                        .replaceWith(view);
            });
        });
    }

    private static Uni<Integer> successions(Mutiny.Session session, ProvinceMerger m) {
        return session.createNativeQuery(SUCCESSION)
                .setParameter(1, m.mergedCodes().stream().collect(Collectors.joining(",", "{", "}")))
                .setParameter(2, m.code)
                .setParameter(3, m.effectiveDate)
                .executeUpdate();
    }

    private static ProvinceDetail detail(Province p, List<Province> predecessors, List<ProvinceName> names, LocalDate today) {
        Map<String, List<ProvinceName>> byCode = new LinkedHashMap<>();
        names.forEach(n -> byCode.computeIfAbsent(n.code, c -> new ArrayList<>()).add(n));
        List<ProvinceName> own = byCode.getOrDefault(p.code, List.of());
        String name = own.stream().filter(n -> n.validOn(today)).map(n -> n.name).findFirst().orElse(p.name);
        Link successor = null;
        if (p.successorCode != null) {
            LocalDate effective = p.validTo.plusDays(1);
            String successorName = byCode.getOrDefault(p.successorCode, List.of()).stream().filter(n -> n.validOn(effective))
                    .map(n -> n.name).findFirst().orElse(p.successorCode);
            successor = new Link(p.successorCode, successorName, effective, p.decision);
        }
        List<Link> merged = predecessors.stream()
                .map(q -> new Link(q.code, q.name, q.validTo.plusDays(1), q.decision)).toList();
        return new ProvinceDetail(p.code, name, p.validFrom, p.validTo, p.decision, own.stream().map(NameView::of).toList(),
                successor, merged);
    }
}
