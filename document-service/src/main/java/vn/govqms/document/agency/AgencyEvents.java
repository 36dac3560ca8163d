package vn.govqms.document.agency;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The agency facts this service publishes on {@code document.events}, keyed by agency id. */
public final class AgencyEvents {

    public static final String TOPIC = "document.events";
    public static final String REGISTERED = EventTypes.of("document", "agency.registered");
    public static final String UPDATED = EventTypes.of("document", "agency.updated");

    private AgencyEvents() {
    }

    /**
     * The data of {@code agency.registered} and {@code agency.updated}: the agency's whole current state; {@code rootId}
     * is the root of its tree (its ministry for a central unit), the tenant a ministry's scope follows.
     */
    public record AgencyData(UUID agencyId, String code, String name, String level, UUID parentId, String provinceCode,
                             UUID rootId, LocalDate validFrom, LocalDate validTo, long revision) {
    }

    public static OutgoingEvent registered(Agency a, OffsetDateTime now) {
        return event(REGISTERED, a, now);
    }

    public static OutgoingEvent updated(Agency a, OffsetDateTime now) {
        return event(UPDATED, a, now);
    }

    private static OutgoingEvent event(String type, Agency a, OffsetDateTime now) {
        return OutgoingEvent.of(TOPIC, a.id.toString(), type, "agencies/" + a.id, now,
                new AgencyData(a.id, a.code, a.name, a.level.name(), a.parentId, a.provinceCode, a.rootId, a.validFrom, a.validTo,
                        a.version));
    }
}
