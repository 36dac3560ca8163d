package vn.govqms.kit.agency;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The fields of {@code agency.registered} / {@code agency.updated} the directory reads; {@code rootId} is the
 * root of the agency's tree (its ministry for a central unit; the agency itself when it has no parent).
 */
public record AgencyEventData(UUID agencyId, String code, String name, String level, UUID parentId, String provinceCode, UUID rootId,
                              LocalDate validFrom, LocalDate validTo, long revision) {
}
