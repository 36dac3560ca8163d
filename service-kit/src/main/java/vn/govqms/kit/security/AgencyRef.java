package vn.govqms.kit.security;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the access policy needs to know of an agency: its id, its province ({@link #CENTRAL} for the
 * central bodies), the root of its tree (a ministry for central units) and the day it ended, if it did.
 */
public record AgencyRef(UUID id, String provinceCode, UUID rootId, LocalDate validTo) {

    /** The province code of central bodies: ministries and their units, each ministry a tenant of its own. */
    public static final String CENTRAL = "00";

    /** A province-wide record (a campaign, a report, a criteria set): no agency, the province only. */
    public static AgencyRef province(String provinceCode) {
        return new AgencyRef(null, provinceCode, null, null);
    }

    public boolean isCentral() {
        return CENTRAL.equals(provinceCode);
    }

    /** True when the agency has ended before {@code today} (merged, split, dissolved). */
    public boolean endedBefore(LocalDate today) {
        return validTo != null && validTo.isBefore(today);
    }
}
