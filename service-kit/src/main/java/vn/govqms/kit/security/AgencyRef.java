package vn.govqms.kit.security;

import java.util.UUID;

/** What the access policy needs to know of an agency: its id and its province. */
public record AgencyRef(UUID id, String provinceCode) {
}
