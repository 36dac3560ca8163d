package vn.govqms.kit.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.kit.province.ProvinceSuccessions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the caller of this request may read and change, decided once from its token: the one place every
 * service asks "may this caller act on agency X", "which agencies' rows may it list" and "may it write
 * this register". Defaults to deny.
 * <ul>
 * <li>{@code national-admin}: reads every agency; writes the national registers and records province
 * mergers; writes no agency's own records.</li>
 * <li>{@code ministry-admin} with {@code agency_id} = the ministry's root: the ministry and its units.</li>
 * <li>{@code province-admin} with {@code province_code}: its province and the provinces merged into it; an
 * ended province's token still reads its history but writes nothing.</li>
 * <li>agency roles ({@code agency-head}, {@code iso-officer}, {@code auditor}, {@code viewer}) need
 * {@code agency_id}: that agency, writable until the day it ends; never widened to a province.</li>
 * <li>{@code integration} with {@code province_code}: reads its province's agencies (what the public may
 * read is the services' business) and sends its province's dossiers.</li>
 * </ul>
 * Which role may do which action stays with each resource ({@code @RolesAllowed}) and policy class.
 */
@RequestScoped
public class Scope {

    /** How wide the caller's scope is, from the widest. */
    public enum Level {
        NATIONAL, MINISTRY, PROVINCE, AGENCY, INTEGRATION, NONE
    }

    private Level level;
    private String role;
    private UUID agencyId;
    private String provinceCode;
    private boolean agencyClaimMalformed;
    private ProvinceSuccessions provinces;
    private LocalDate today;

    protected Scope() {
    }

    @Inject
    public Scope(Caller caller, ProvinceRegister register, Clock clock) {
        this(caller.roles(), caller.agencyClaim().orElse(null), caller.provinceCode().orElse(null), register.successions(),
                LocalDate.now(clock));
    }

    /** From the token's roles and claims ({@code agencyClaim} as it came), the provinces' successions and today. */
    public Scope(Set<String> roles, String agencyClaim, String provinceCode, ProvinceSuccessions provinces, LocalDate today) {
        this.provinces = provinces;
        this.today = today;
        this.provinceCode = provinceCode;
        if (agencyClaim != null) {
            try {
                this.agencyId = UUID.fromString(agencyClaim);
            } catch (IllegalArgumentException e) {
                this.agencyClaimMalformed = true;
            }
        }
        for (Level l : Level.values()) {
            String r = roleOf(l, roles);
            if (r != null) {
                this.level = l;
                this.role = r;
                return;
            }
        }
        this.level = Level.NONE;
    }

    private static String roleOf(Level level, Set<String> roles) {
        return switch (level) {
            case NATIONAL -> roles.contains(Roles.NATIONAL_ADMIN) ? Roles.NATIONAL_ADMIN : null;
            case MINISTRY -> roles.contains(Roles.MINISTRY_ADMIN) ? Roles.MINISTRY_ADMIN : null;
            case PROVINCE -> roles.contains(Roles.PROVINCE_ADMIN) ? Roles.PROVINCE_ADMIN : null;
            case AGENCY -> Roles.AGENCY_ROLES.stream().filter(roles::contains).findFirst().orElse(null);
            case INTEGRATION -> roles.contains(Roles.INTEGRATION) ? Roles.INTEGRATION : null;
            case NONE -> null;
        };
    }

    public Level level() {
        return level;
    }

    public boolean isNational() {
        return level == Level.NATIONAL;
    }

    /** The day scope decisions are made for (Vietnam's date). */
    public LocalDate today() {
        return today;
    }

    /** The province the token names, checked: 403 naming the claim when absent (province and integration levels). */
    public String ownProvince() {
        if (provinceCode == null || provinceCode.isBlank()) {
            throw missingClaim(Caller.PROVINCE_CLAIM);
        }
        if (AgencyRef.CENTRAL.equals(provinceCode)) {
            throw ProblemException.forbidden("Province code " + AgencyRef.CENTRAL + " names no province: central bodies are "
                    + "each ministry's subtree (role " + Roles.MINISTRY_ADMIN + " with claim " + Caller.AGENCY_CLAIM + ").");
        }
        return provinceCode;
    }

    /** The agency the token names, checked: 403 naming the claim when absent or not a UUID. */
    public UUID ownAgency() {
        if (agencyId == null) {
            throw agencyClaimMalformed
                    ? ProblemException.forbidden("The claim " + Caller.AGENCY_CLAIM + " of your token is not an agency id.")
                    : missingClaim(Caller.AGENCY_CLAIM);
        }
        return agencyId;
    }

    /** The agencies this caller may read, as a condition for list queries. */
    public AgencyFilter rows() {
        return switch (level) {
            case NATIONAL -> AgencyFilter.everything();
            case MINISTRY -> AgencyFilter.subtree(ownAgency());
            case PROVINCE -> AgencyFilter.provinces(readableProvinces());
            // an agency role whose token names another province than the agency's: the claims disagree, the filter
            // admits nothing, so every decision (one agency's, a list's) refuses alike
            case AGENCY -> AgencyFilter.agency(ownAgency(), provinceClaim().orElse(null));
            case INTEGRATION -> AgencyFilter.provinces(Set.of(ownProvince()));
            case NONE -> throw ProblemException.forbidden("Your token carries no GovQMS role.");
        };
    }

    public boolean mayRead(AgencyRef agency) {
        AgencyFilter rows;
        try {
            rows = rows();
        } catch (ProblemException missingClaim) {
            return false;
        }
        return rows.admits(agency);
    }

    /** Whether the caller may change the records of {@code agency} (its role must allow the action too). */
    public boolean mayWrite(AgencyRef agency) {
        return switch (level) {
            case NATIONAL, INTEGRATION, NONE -> false;
            case MINISTRY -> mayRead(agency);
            case PROVINCE -> mayRead(agency) && !provinces.hasEnded(ownProvince(), today);
            case AGENCY -> mayRead(agency) && !agency.endedBefore(today);
        };
    }

    /** 403 unless the caller may read the agency; returns it. */
    public AgencyRef requireRead(AgencyRef agency) {
        rows(); // a missing claim is said as such
        if (!mayRead(agency)) {
            throw outside(agency);
        }
        return agency;
    }

    /** 403 unless the caller may change the agency's records; returns it. */
    public AgencyRef requireWrite(AgencyRef agency) {
        rows();
        if (!mayWrite(agency)) {
            if (mayRead(agency)) {
                throw ProblemException.forbidden(readOnlyReason(agency));
            }
            throw outside(agency);
        }
        return agency;
    }

    /** Province-wide records (criteria sets, campaigns, reports, the steering committee's contacts): reading. */
    public boolean mayReadProvince(String code) {
        try {
            return switch (level) {
                case NATIONAL -> true;
                case PROVINCE -> readableProvinces().contains(code);
                case INTEGRATION -> ownProvince().equals(code);
                default -> false;
            };
        } catch (ProblemException missingClaim) {
            return false;
        }
    }

    public void requireProvinceRead(String code) {
        if (!mayReadProvince(code)) {
            throw ProblemException.forbidden("Your token does not give access to province " + code + ".");
        }
    }

    /**
     * Province-wide records: changing them is for the province's own steering committee while the province exists,
     * and, once it was merged into another, for its successor's (who continues its registers and its history).
     */
    public void requireProvinceWrite(String code) {
        if (level != Level.PROVINCE) {
            throw ProblemException.forbidden("Only the steering committee of province " + code + " (role "
                    + Roles.PROVINCE_ADMIN + ") changes its records.");
        }
        String own = ownProvince();
        provinces.successionOf(own, today).ifPresent(s -> {
            throw ProblemException.forbidden("Province " + own + " was merged into province " + s.successorCode() + " on "
                    + s.effectiveDate() + ": its records are read-only; its successor's steering committee acts for it.");
        });
        if (!provinces.withPredecessors(own, today).contains(code)) {
            throw ProblemException.forbidden("Only the steering committee of province " + code + " (role "
                    + Roles.PROVINCE_ADMIN + ") changes its records.");
        }
    }

    /**
     * A register entry (legal document, TTHC, criteria template) is written by its owner: national entries
     * ({@code provinceCode} null) by {@code national-admin} only, a province's entries by that province's
     * steering committee.
     */
    public void requireRegisterWriter(String registerProvince) {
        if (registerProvince == null) {
            requireNational("Only " + Roles.NATIONAL_ADMIN + " (Bộ Khoa học và Công nghệ) maintains the national registers.");
        } else {
            requireProvinceWrite(registerProvince);
        }
    }

    /** 403 with {@code detail} unless the caller is {@code national-admin}. */
    public void requireNational(String detail) {
        if (level != Level.NATIONAL) {
            throw ProblemException.forbidden(detail);
        }
    }

    /**
     * Whose own entries a list of a public register (legal documents, TTHCs) shows besides the national ones: the
     * province asked for, with the provinces merged into it; else every province for the national level, the
     * caller's own province (and those merged into it) for a token that names one, none for one that names none.
     */
    public AgencyFilter registerRows(String askedProvince) {
        if (askedProvince != null) {
            return AgencyFilter.provinces(provinces.withPredecessors(askedProvince, today));
        }
        if (level == Level.NATIONAL) {
            return AgencyFilter.everything();
        }
        return AgencyFilter.provinces(provinceClaim().map(p -> provinces.withPredecessors(p, today)).orElse(Set.of()));
    }

    /** Whether province {@code code} has been merged into another by today. */
    public boolean provinceEnded(String code) {
        return provinces.hasEnded(code, today);
    }

    /** The provinces whose agencies a province-level caller reads: its own and those merged into it. */
    public Set<String> readableProvinces() {
        String own = ownProvince();
        if (level == Level.PROVINCE && !provinces.hasEnded(own, today)) {
            return provinces.withPredecessors(own, today);
        }
        return Set.of(own);
    }

    /** The token's province, when it names one (for defaults such as "my province's registers"). */
    public Optional<String> provinceClaim() {
        return Optional.ofNullable(provinceCode).filter(p -> !p.isBlank());
    }

    private String readOnlyReason(AgencyRef agency) {
        return switch (level) {
            case NATIONAL -> "The national level reads every agency but changes no agency's records.";
            case INTEGRATION -> "A one-stop-shop system reads; it does not change an agency's records.";
            case PROVINCE -> "Province " + provinceCode + " has been merged into another: its records are read-only.";
            default -> "Agency " + agency.id() + " ended on " + agency.validTo() + ": its records are read-only; its successor continues them.";
        };
    }

    private ProblemException outside(AgencyRef agency) {
        if (level == Level.NONE) {
            return ProblemException.forbidden("Your token carries no GovQMS role.");
        }
        return ProblemException.forbidden("Your token does not give access to agency " + agency.id() + switch (level) {
            case MINISTRY -> " (outside the ministry " + agencyId + ").";
            case PROVINCE, INTEGRATION -> " (outside province " + provinceCode + ").";
            default -> ".";
        });
    }

    private ProblemException missingClaim(String claim) {
        return new ProblemException(403, "missing-claim", "Forbidden", "Your token's role " + role + " needs the claim "
                + claim + ".", Map.of("claim", claim));
    }
}
