package vn.govqms.notification.stream;

import io.vertx.mutiny.sqlclient.Row;
import vn.govqms.kit.security.AgencyRef;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the event log as the streams read it, with what a scope decision needs: the event's agency, and for an event of
 * no agency (an inspection campaign) its province ({@code scopeProvince}: the agency's province from the directory, else the
 * event's).
 */
record Fact(long seq, String eventId, String type, String kind, UUID agencyId, String provinceCode, String scopeProvince,
            UUID rootId, String agencyName, String data, LocalDate dueDate, String link, OffsetDateTime receivedAt) {

    static Fact of(Row r) {
        return new Fact(r.getLong("seq"), r.getString("event_id"), r.getString("type"), r.getString("kind"), r.getUUID("agency_id"),
                r.getString("province_code"), r.getString("scope_province"), r.getUUID("root_id"), r.getString("agency_name"),
                r.getString("data"), r.getLocalDate("due_date"), r.getString("link"), r.getOffsetDateTime("received_at"));
    }

    /** The agency as the kit's {@code AgencyFilter.admits} reads it. */
    AgencyRef agency() {
        return new AgencyRef(agencyId, scopeProvince, rootId, null);
    }
}
