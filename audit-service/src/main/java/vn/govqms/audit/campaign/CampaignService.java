package vn.govqms.audit.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.audit.AuditConfig;
import vn.govqms.audit.agency.AgencyLookup;
import vn.govqms.audit.internalaudit.Audit;
import vn.govqms.audit.internalaudit.AuditKind;
import vn.govqms.audit.internalaudit.AuditMode;
import vn.govqms.audit.internalaudit.AuditParts;
import vn.govqms.audit.internalaudit.AuditParts.TeamMember;
import vn.govqms.audit.internalaudit.AuditService;
import vn.govqms.audit.internalaudit.AuditStatus;
import vn.govqms.audit.campaign.CampaignDtos.AgenciesInput;
import vn.govqms.audit.campaign.CampaignDtos.AgencyMode;
import vn.govqms.audit.campaign.CampaignDtos.AgencyView;
import vn.govqms.audit.campaign.CampaignDtos.Approval;
import vn.govqms.audit.campaign.CampaignDtos.CampaignSummary;
import vn.govqms.audit.campaign.CampaignDtos.CampaignView;
import vn.govqms.audit.campaign.CampaignDtos.NewCampaign;
import vn.govqms.audit.campaign.CampaignDtos.Progress;
import vn.govqms.kit.agency.DirectoryEntry;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;
import vn.govqms.kit.web.ETags;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Provincial inspection campaigns: drafted and approved by the province; each agency's inspection becomes an audit. */
@ApplicationScoped
public class CampaignService {

    @Inject AgencyLookup agencies;
    @Inject AuditService audits;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject ObjectMapper json;
    @Inject AuditConfig config;
    @Inject Scope scope;
    @Inject InspectionLevelService inspectionLevels;

    @WithTransaction
    public Uni<CampaignView> create(NewCampaign in, Caller caller) {
        scope.requireProvinceWrite(in.provinceCode());
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (in.periodEnd().isBefore(in.periodStart())) {
            throw ProblemException.invalidField("periodEnd", "must not be before periodStart");
        }
        Audit.checkTeam(in.team(), true);
        InspectionCampaign c = new InspectionCampaign();
        c.id = UUID.randomUUID();
        c.provinceCode = in.provinceCode();
        c.year = in.year();
        c.title = in.title().trim();
        c.periodStart = in.periodStart();
        c.periodEnd = in.periodEnd();
        c.status = CampaignStatus.DRAFT;
        c.team = write(in.team());
        c.createdBy = caller.subject();
        c.createdAt = now;
        return InspectionCampaign.count("provinceCode = ?1 and year = ?2", c.provinceCode, c.year).chain(n -> {
            InspectionCampaign.checkCampaignsPerYear(n, config.inspection().campaignsPerYear(), c.provinceCode, c.year);
            return c.<InspectionCampaign>persist();
        }).chain(() -> Panache.getSession()).chain(s -> work.record(s, () -> Outcome.of(trailOf(c).did("created", caller.subject(), null,
                                Map.of("provinceCode", c.provinceCode, "year", c.year, "agencies", in.agencies().size()))))
                        .chain(() -> replaceAgencies(s, c, in.agencies())))
                .chain(() -> view(c));
    }

    @WithTransaction
    public Uni<CampaignView> setAgencies(UUID id, AgenciesInput in, String ifMatch, Caller caller) {
        return writable(id).chain(c -> {
            ETags.requireMatch(ifMatch, c.version);
            c.requireDraft("edit-agencies");
            c.touch();
            return Panache.getSession().chain(s -> replaceAgencies(s, c, in.agencies())
                    .chain(() -> work.record(s, () -> Outcome.of(trailOf(c).did("agencies-set", caller.subject(), null, Map.of("agencies", in.agencies().size()))))));
        }).chain(() -> InspectionCampaign.<InspectionCampaign>findById(id)).chain(this::view);
    }

    private static TrailEntry.On trailOf(InspectionCampaign c) {
        return TrailEntry.on("inspection-campaign", c.id, AgencyLookup.province(c.provinceCode));
    }

    private Uni<Void> replaceAgencies(Mutiny.Session s, InspectionCampaign c, List<AgencyMode> list) {
        Set<UUID> seen = new HashSet<>();
        for (AgencyMode a : list) {
            if (!seen.add(a.agencyId())) {
                throw ProblemException.invalidField("agencies", "lists agency " + a.agencyId() + " twice");
            }
        }
        Uni<List<DirectoryEntry>> known = seen.isEmpty() ? Uni.createFrom().item(List.of()) : DirectoryEntry.list("id in ?1", seen);
        return known.chain(found -> {
            Map<UUID, DirectoryEntry> byId = new LinkedHashMap<>();
            found.forEach(a -> byId.put(a.id, a));
            for (AgencyMode a : list) {
                DirectoryEntry agency = byId.get(a.agencyId());
                if (agency == null) {
                    throw AgencyLookup.unknown("agencies", a.agencyId());
                }
                if (!agency.provinceCode.equals(c.provinceCode)) {
                    throw ProblemException.unprocessable("agency-outside-province", "Agency outside the province",
                            agency.name + " is not an agency of province " + c.provinceCode + ".", Map.of("agencyId", agency.id.toString()));
                }
            }
            Uni<Void> chain = s.createNativeQuery("delete from campaign_agency where campaign_id = ?1").setParameter(1, c.id)
                    .executeUpdate().replaceWithVoid();
            for (AgencyMode a : list) {
                chain = chain.chain(() -> s.createNativeQuery("insert into campaign_agency (campaign_id, agency_id, mode) values (?1, ?2, ?3)")
                        .setParameter(1, c.id).setParameter(2, a.agencyId()).setParameter(3, a.mode().name()).executeUpdate().replaceWithVoid());
            }
            return chain;
        });
    }

    /**
     * Approves the campaign: every agency of the province at a level its campaigns include is in it and at
     * least the configured share is inspected on site; each agency's inspection is planned as an audit.
     * Independence is decided per inspection: the inspectors of an inspected agency (the Department of
     * Science and Technology leads the campaign and is inspected too) are left out of its inspection's
     * team, and when the lead is one of them that inspection waits for the lead the province names.
     */
    @WithTransaction
    public Uni<CampaignView> approve(UUID id, Approval in, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return writable(id).chain(c -> {
            c.requireDraft("approve");
            return Panache.getSession().chain(s -> rows(s, c.id).chain(members -> missing(s, c).chain(missing -> {
                if (!missing.isEmpty()) {
                    throw ProblemException.unprocessable("agencies-missing", "Agencies missing from the campaign",
                            missing.size() + " agencies of province " + c.provinceCode + " at a level its campaigns include are not in the campaign: "
                                    + String.join(", ", missing.values()) + ".",
                            Map.of("missingAgencyIds", missing.keySet().stream().map(UUID::toString).toList()));
                }
                if (members.isEmpty()) {
                    throw ProblemException.unprocessable("no-agencies", "No agencies", "The campaign inspects no agency.", Map.of());
                }
                long onSite = members.stream().filter(m -> m.mode() == AuditMode.ON_SITE).count();
                InspectionCampaign.checkOnSiteShare(onSite, members.size(), config.inspection().minOnSiteShare());
                c.status = CampaignStatus.APPROVED;
                c.decisionNumber = in.decisionNumber().trim();
                c.decisionDate = in.decisionDate();
                c.approvedBy = caller.subject();
                c.approvedAt = now;
                c.touch();
                List<TeamMember> team = read(c.team);
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (AgencyMode m : members) {
                    chain = chain.chain(() -> agencies.of(m.agencyId()).chain(agency -> {
                        // inspectors never inspect their own agency: they stay out of its team, the lead too (that
                        // inspection is planned without a lead; the province names one for it)
                        List<TeamMember> independent = team.stream().filter(t -> !t.agencyId().equals(agency.id)).toList();
                        Audit a = audits.newAudit(agency, AuditKind.PROVINCIAL_INSPECTION, m.mode(), c.title, c.periodStart, c.periodEnd,
                                independent, List.of(), List.of(), AuditParts.defaultChecklist(AuditKind.PROVINCIAL_INSPECTION, List.of()),
                                c.id, caller.subject(), now);
                        return audits.persistNew(a, agency, List.of(), caller, now, "planned")
                                .chain(v -> s.createNativeQuery("update campaign_agency set audit_id = ?1 where campaign_id = ?2 and agency_id = ?3")
                                        .setParameter(1, v.id()).setParameter(2, c.id).setParameter(3, agency.id).executeUpdate())
                                .replaceWithVoid();
                    }));
                }
                List<UUID> ids = members.stream().map(AgencyMode::agencyId).toList();
                return chain.chain(() -> work.record(s, () -> Outcome.of(trailOf(c).did("approved", caller.subject(),
                                Map.of("status", CampaignStatus.DRAFT.name()), Map.of("status", c.status.name(),
                                        "decisionNumber", c.decisionNumber, "onSite", onSite, "total", members.size())),
                        CampaignEvents.approved(c, onSite, members.size() - onSite, ids, now))));
            }))).chain(() -> view(c));
        });
    }

    /**
     * Campaigns of the provinces whose records the caller reads (a province's steering committee: its own and those of
     * the provinces merged into it; the national level: all, or those of {@code provinceCode}).
     */
    @WithSession
    public Uni<Page<CampaignSummary>> list(String provinceCode, Integer year, PageRequest page) {
        Where where = new Where().equal("year", year);
        if (provinceCode != null) {
            scope.requireProvinceRead(provinceCode);
            where.equal("provinceCode", provinceCode);
        } else if (!scope.isNational()) {
            where.add("provinceCode in :provinces", Map.of("provinces", List.copyOf(scope.readableProvinces())));
        }
        return Pages.of(InspectionCampaign.<InspectionCampaign>find(where.jpql(),
                Sort.by("year").descending().and("provinceCode"), where.parameters()), page).map(p -> p.map(CampaignSummary::of));
    }

    @WithSession
    public Uni<CampaignView> get(UUID id) {
        return campaign(id).invoke(c -> scope.requireProvinceRead(c.provinceCode)).chain(this::view);
    }

    /** Changed by the steering committee of the campaign's province only, while the province exists. */
    private Uni<InspectionCampaign> writable(UUID id) {
        return campaign(id).invoke(c -> scope.requireProvinceWrite(c.provinceCode));
    }

    private static Uni<InspectionCampaign> campaign(UUID id) {
        return InspectionCampaign.<InspectionCampaign>findById(id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("inspection campaign", id);
            }
            return c;
        });
    }

    private static Uni<List<AgencyMode>> rows(Mutiny.Session s, UUID campaignId) {
        return s.createNativeQuery("select cast(agency_id as text), mode from campaign_agency where campaign_id = ?1 order by agency_id",
                        Object[].class).setParameter(1, campaignId).getResultList()
                .map(rows -> rows.stream().map(r -> new AgencyMode(UUID.fromString((String) r[0]), AuditMode.valueOf((String) r[1]))).toList());
    }

    /**
     * Agencies of the province, in existence during the year, at a level its campaigns include (the law's and the
     * province's choice, {@link InspectionLevelService}), not in the campaign.
     */
    private Uni<Map<UUID, String>> missing(Mutiny.Session s, InspectionCampaign c) {
        return inspectionLevels.required(c.provinceCode, c.periodStart).chain(levels -> s.createNativeQuery("""
                        select cast(a.id as text), a.name from agency_directory a
                        where a.province_code = ?1 and a.level in (?2)
                          and (a.valid_to is null or a.valid_to >= make_date(?3, 1, 1))
                          and (a.valid_from is null or a.valid_from <= make_date(?3, 12, 31))
                          and not exists (select 1 from campaign_agency ca where ca.campaign_id = ?4 and ca.agency_id = a.id)
                        order by a.code""", Object[].class)
                .setParameter(1, c.provinceCode).setParameter(2, levels)
                .setParameter(3, c.year).setParameter(4, c.id).getResultList())
                .map(rows -> {
                    Map<UUID, String> out = new LinkedHashMap<>();
                    rows.forEach(r -> out.put(UUID.fromString((String) r[0]), (String) r[1]));
                    return out;
                });
    }

    private Uni<CampaignView> view(InspectionCampaign c) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select cast(ca.agency_id as text), a.code, a.name, ca.mode, cast(ca.audit_id as text), au.status,
                               au.lead_auditor
                        from campaign_agency ca join agency_directory a on a.id = ca.agency_id
                        left join audit au on au.id = ca.audit_id
                        where ca.campaign_id = ?1 order by a.code""", Object[].class).setParameter(1, c.id).getResultList())
                .map(rows -> {
                    List<AgencyView> list = new ArrayList<>();
                    long onSite = 0, inspected = 0, inspectedOnSite = 0;
                    for (Object[] r : rows) {
                        AuditMode mode = AuditMode.valueOf((String) r[3]);
                        AuditStatus status = r[5] == null ? null : AuditStatus.valueOf((String) r[5]);
                        list.add(new AgencyView(UUID.fromString((String) r[0]), (String) r[1], (String) r[2], mode, mode.label(),
                                r[4] == null ? null : UUID.fromString((String) r[4]), status, (String) r[6]));
                        boolean done = status == AuditStatus.REPORTED || status == AuditStatus.CLOSED;
                        onSite += mode == AuditMode.ON_SITE ? 1 : 0;
                        inspected += done ? 1 : 0;
                        inspectedOnSite += done && mode == AuditMode.ON_SITE ? 1 : 0;
                    }
                    Progress p = new Progress(list.size(), onSite, list.size() - onSite, inspected, inspectedOnSite, inspected - inspectedOnSite);
                    return new CampaignView(c.id, c.provinceCode, c.year, c.title, c.periodStart, c.periodEnd, c.status, c.status.label(),
                            read(c.team), c.decisionNumber, c.decisionDate, c.approvedBy, c.approvedAt, p, list, c.version);
                });
    }

    private List<TeamMember> read(String value) {
        try {
            return json.readValue(value, new TypeReference<>() { });
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
