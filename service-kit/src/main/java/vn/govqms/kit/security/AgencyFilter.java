package vn.govqms.kit.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The agencies a caller may list, as a condition every service's queries add: all of them (national),
 * those of some provinces, those under a ministry's root, or one agency. The condition is written against
 * an alias of the service's agency table, whose columns are {@code id}, {@code province_code},
 * {@code root_id} (properties {@code id}, {@code provinceCode}, {@code rootId} in JPQL). One agency's filter may also
 * name the province the caller's token claims ({@code agencyProvince}): the agency passes only if it lies there, so that a
 * token whose claims disagree lists nothing, as it reads nothing.
 */
public record AgencyFilter(boolean all, Set<String> provinces, UUID rootId, UUID agencyId, String agencyProvince) {

    /** Without a province for the one-agency case (as persisted by callers that keep a filter). */
    public AgencyFilter(boolean all, Set<String> provinces, UUID rootId, UUID agencyId) {
        this(all, provinces, rootId, agencyId, null);
    }

    public static AgencyFilter everything() {
        return new AgencyFilter(true, Set.of(), null, null);
    }

    public static AgencyFilter provinces(Set<String> codes) {
        return new AgencyFilter(false, Set.copyOf(codes), null, null);
    }

    public static AgencyFilter subtree(UUID root) {
        return new AgencyFilter(false, Set.of(), root, null);
    }

    public static AgencyFilter agency(UUID id) {
        return new AgencyFilter(false, Set.of(), null, id);
    }

    /** One agency, admitted only when it lies in {@code province} (the token's claim; null: no such condition). */
    public static AgencyFilter agency(UUID id, String province) {
        return new AgencyFilter(false, Set.of(), null, id, province);
    }

    /** True when the agency passes the filter. */
    public boolean admits(AgencyRef a) {
        if (all) {
            return true;
        }
        if (agencyId != null) {
            return agencyId.equals(a.id()) && (agencyProvince == null || agencyProvince.equals(a.provinceCode()));
        }
        if (rootId != null) {
            return rootId.equals(a.rootId()) || rootId.equals(a.id());
        }
        return a.provinceCode() != null && provinces.contains(a.provinceCode());
    }

    /** A JPQL condition on {@code alias} (an agency entity; "" for a query without alias); bind {@link #jpqlParameters()} with it. */
    public String jpql(String alias) {
        String p = alias.isEmpty() ? "" : alias + ".";
        if (all) {
            return "1 = 1";
        }
        if (agencyId != null) {
            return agencyProvince == null ? p + "id = :scopeAgency" : "(" + p + "id = :scopeAgency and " + p + "provinceCode = :scopeAgencyProvince)";
        }
        if (rootId != null) {
            return "(" + p + "rootId = :scopeRoot or " + p + "id = :scopeRoot)";
        }
        return p + "provinceCode in :scopeProvinces";
    }

    public Map<String, Object> jpqlParameters() {
        if (all) {
            return Map.of();
        }
        if (agencyId != null) {
            return agencyProvince == null ? Map.of("scopeAgency", agencyId) : Map.of("scopeAgency", agencyId, "scopeAgencyProvince", agencyProvince);
        }
        if (rootId != null) {
            return Map.of("scopeRoot", rootId);
        }
        return Map.of("scopeProvinces", List.copyOf(provinces));
    }

    /**
     * A native SQL condition on {@code alias} (the agency table, or {@code agency_directory}) with its one
     * argument as {@code $index} (Vert.x placeholders); add {@link #sqlArgument()} to the tuple at that index
     * unless {@link #all()}, whose condition takes no argument.
     */
    public String sql(String alias, int index) {
        if (all) {
            return "true";
        }
        if (agencyId != null) {
            // one placeholder per filter: the agency and its province come as one text[]
            return agencyProvince == null ? alias + ".id = $" + index : "(" + alias + ".id = ($" + index + "::text[])[1]::uuid and "
                    + alias + ".province_code = ($" + index + "::text[])[2])";
        }
        if (rootId != null) {
            return "(" + alias + ".root_id = $" + index + " or " + alias + ".id = $" + index + ")";
        }
        return alias + ".province_code = any($" + index + ")";
    }

    /** The value for {@link #sql}'s placeholder (null for {@link #all()}). */
    public Object sqlArgument() {
        if (all) {
            return null;
        }
        if (agencyId != null) {
            return agencyProvince == null ? agencyId : new String[]{agencyId.toString(), agencyProvince};
        }
        if (rootId != null) {
            return rootId;
        }
        return provinces.toArray(new String[0]);
    }

    /** Appends {@link #sqlArgument()} to {@code args} when there is one; returns the condition for that position. */
    public String sqlAppending(String alias, List<Object> args) {
        if (all) {
            return "true";
        }
        args.add(sqlArgument());
        return sql(alias, args.size());
    }

    /** A mutable copy of a list of arguments, for {@link #sqlAppending}. */
    public static List<Object> arguments(Object... first) {
        return new ArrayList<>(Arrays.asList(first));
    }
}
