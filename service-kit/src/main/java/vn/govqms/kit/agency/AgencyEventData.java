package vn.govqms.kit.agency;

import java.time.LocalDate;
import java.util.UUID;

/** The fields of {@code agency.registered} / {@code agency.updated} the directory reads. */
public record AgencyEventData(UUID agencyId, String code, String name, String level, UUID parentId, String provinceCode,
                              LocalDate validFrom, LocalDate validTo, long revision) {
}
